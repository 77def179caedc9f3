using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Privacy;

/// <summary>
/// The SHA-256 (hex) of a normalised email address: what the suppression list keeps after a person's erasure, and what
/// audit entries about a person name instead of the address.
/// </summary>
public static class EmailHash
{
    public static string Of(string email) => PersonalToken.Hash(Contact.Normalize(email));

    /// <summary>The addresses (normalised) among these that were erased and may not be added or invited again.</summary>
    public static async Task<HashSet<string>> SuppressedAmongAsync(EventHubDbContext db, IEnumerable<string> normalizedEmails, CancellationToken ct)
    {
        var byHash = normalizedEmails.Distinct().ToDictionary(Of, e => e);
        if (byHash.Count == 0)
        {
            return [];
        }

        var hashes = byHash.Keys.ToList();
        var suppressed = new List<string>();
        foreach (var chunk in hashes.Chunk(500))
        {
            suppressed.AddRange(await db.SuppressedAddresses.Where(s => chunk.Contains(s.EmailHash)).Select(s => s.EmailHash).ToListAsync(ct));
        }

        return suppressed.Select(h => byHash[h]).ToHashSet();
    }

    public static Task<bool> IsSuppressedAsync(EventHubDbContext db, string email, CancellationToken ct)
    {
        var hash = Of(email);
        return db.SuppressedAddresses.AnyAsync(s => s.EmailHash == hash, ct);
    }
}
