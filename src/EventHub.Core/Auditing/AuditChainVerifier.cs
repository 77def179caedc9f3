using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Auditing;

/// <summary>
/// Walks the sealed entries in chain order and reports the first broken link: a gap in the positions (an entry removed),
/// a hash that does not follow from the previous one and the entry's fields (an entry altered, inserted or reordered), or a
/// digest that does not match the text of an entry that was not redacted (its actor name or details altered).
/// The newest entries removed from the end leave no gap: compare the head printed here with one recorded earlier.
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unsealed = await db.AuditEntries.CountAsync(a => a.ChainIndex == null, ct);
        var expected = AuditChain.FirstIndex;
        var previous = AuditChain.Genesis;
        long checkedCount = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(a => a.ChainIndex != null).OrderBy(a => a.ChainIndex).AsAsyncEnumerable().WithCancellation(ct))
        {
            var index = entry.ChainIndex!.Value;
            if (index != expected)
            {
                return Broken(expected, null, index > expected
                    ? $"entries #{expected}" + (index - 1 > expected ? $" to #{index - 1}" : "") + " are missing (removed from the log)."
                    : $"position #{index} appears twice.");
            }

            if (entry.RedactedAtUtc is null && entry.ContentDigest != AuditChain.ContentDigest(entry.ActorName, entry.Details))
            {
                return Broken(index, entry.Id, "its actor name or details do not match the digest sealed with them (the entry, or its digest, was altered).");
            }

            var hash = AuditChain.Hash(previous, index, entry);
            if (!string.Equals(hash, entry.Hash, StringComparison.Ordinal))
            {
                return Broken(index, entry.Id, "its hash does not follow from the previous entry and its own fields (the entry was altered, or one before it was removed or replaced).");
            }

            previous = hash;
            expected++;
            checkedCount++;
        }

        return new AuditChainReport(true, checkedCount, checkedCount == 0 ? null : expected - 1, checkedCount == 0 ? null : previous, unsealed, null, null, null);

        AuditChainReport Broken(long at, long? entryId, string problem) => new(false, checkedCount, null, null, unsealed, at, entryId, problem);
    }
}
