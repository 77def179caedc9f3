using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;

namespace EventHub.Core.Features.Audit;

/// <summary>Walks the audit log's hash chain for an administrator (the same check as the host's `verify-audit` verb).</summary>
public sealed class VerifyAuditLog(AuditChainVerifier verifier)
{
    public async Task<Outcome<AuditChainReport>> ExecuteAsync(ClaimsPrincipal actor, CancellationToken ct = default)
        => actor.IsInRole(Roles.Administrator)
            ? Outcome<AuditChainReport>.Success(await verifier.VerifyAsync(ct))
            : Outcome<AuditChainReport>.Forbidden();
}
