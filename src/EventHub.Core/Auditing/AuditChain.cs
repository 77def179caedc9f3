using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EventHub.Core.Data;

namespace EventHub.Core.Auditing;

/// <summary>
/// The arithmetic of the audit log's hash chain. Each sealed entry's <see cref="AuditEntry.Hash"/> is
/// SHA-256(previous hash, its position, id, time, actor id, action, event, subject and <see cref="AuditEntry.ContentDigest"/>).
/// The personal parts (actor name, details) enter only through their digest, so redacting them keeps the chain verifiable.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The first position in the chain.</summary>
    public const long FirstIndex = 1;

    public static string ContentDigest(string? actorName, string? details)
        => Sha256(JsonSerializer.Serialize(new[] { actorName, details }));

    public static string Hash(string previousHash, long chainIndex, AuditEntry entry)
        => Sha256(JsonSerializer.Serialize(new object?[]
        {
            previousHash,
            chainIndex,
            entry.Id,
            entry.AtUtc.Ticks,
            entry.ActorUserId,
            entry.Action,
            entry.EventId,
            entry.SubjectType,
            entry.SubjectId,
            entry.ContentDigest,
        }));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
