using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Staff;

public sealed class OrganisationRolesForm
{
    [Required(ErrorMessage = "Choose the staff member.")]
    public string? UserId { get; set; }

    [Required(ErrorMessage = "Choose the organisation the roles are for.")]
    public Guid? OrganisationId { get; set; }

    public bool CreatesEvents { get; set; }
    public bool KeepsDirectory { get; set; }
    public bool ManagesOrganisation { get; set; }

    public IEnumerable<OrganisationRole> Roles()
    {
        if (CreatesEvents)
        {
            yield return OrganisationRole.CreatesEvents;
        }

        if (KeepsDirectory)
        {
            yield return OrganisationRole.KeepsDirectory;
        }

        if (ManagesOrganisation)
        {
            yield return OrganisationRole.ManagesOrganisation;
        }
    }
}

/// <summary>
/// Sets what a staff member may do in one organisation. Administrators may do it for any organisation, an organisation's
/// managers for theirs. A manager cannot withdraw their own manager role (so no one locks an organisation out by a click).
/// </summary>
public sealed class SetOrganisationRoles(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<string>> ExecuteAsync(ClaimsPrincipal actor, OrganisationRolesForm form, CancellationToken ct = default)
    {
        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome<string>.Invalid(errors);
        }

        var organisationId = form.OrganisationId!.Value;
        if (!await authorization.HoldsAsync(actor, organisationId, OrganisationRole.ManagesOrganisation))
        {
            return Outcome<string>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (organisation is null)
        {
            return Outcome<string>.Invalid(nameof(form.OrganisationId), "That organisation does not exist.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == form.UserId, ct);
        if (user is null)
        {
            return Outcome<string>.Invalid(nameof(form.UserId), "That staff member does not exist.");
        }

        var wanted = form.Roles().ToHashSet();
        var current = await db.OrganisationRoleGrants.Where(g => g.UserId == user.Id && g.OrganisationId == organisationId).ToListAsync(ct);
        var isSelf = user.Id == actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (isSelf && !actor.IsInRole(Roles.Administrator) && !wanted.Contains(OrganisationRole.ManagesOrganisation)
            && current.Any(g => g.Role == OrganisationRole.ManagesOrganisation))
        {
            return Outcome<string>.Invalid(nameof(form.ManagesOrganisation),
                "You cannot withdraw your own manager role: ask another manager of the organisation or an administrator.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.OrganisationRoleGrants.RemoveRange(current.Where(g => !wanted.Contains(g.Role)));
        db.OrganisationRoleGrants.AddRange(wanted.Where(r => current.All(g => g.Role != r))
            .Select(r => new OrganisationRoleGrant { OrganisationId = organisationId, UserId = user.Id, Role = r, GrantedAtUtc = now }));
        var summary = wanted.Count == 0 ? "no roles" : string.Join(", ", wanted.Order().Select(OrganisationRoleNames.Describe));
        audit.Record(db, actor, "staff.organisation-roles", null, nameof(ApplicationUser), user.Id, $"{organisation.Name}: {summary}");
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Success($"{user.DisplayName ?? user.Email} at {organisation.Name}: {summary}.");
    }
}
