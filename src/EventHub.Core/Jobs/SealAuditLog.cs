using System.Data.Common;
using EventHub.Core.Auditing;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Jobs;

public sealed record SealSummary(int Sealed, long? HeadIndex);

/// <summary>
/// Seals audit entries into the hash chain: each unsealed entry gets the next <see cref="AuditEntry.ChainIndex"/> and
/// <see cref="AuditEntry.Hash"/> = SHA-256(previous hash, its fields). Chain order is seal order, not id order, so an entry
/// whose transaction commits after a later id was sealed is simply sealed in the next run: nothing is skipped.
/// Two nodes sealing at once cannot fork the chain: each assignment is a conditional UPDATE (only an entry still unsealed)
/// inside one transaction, and the unique index on ChainIndex refuses a position taken twice; the loser rolls back and
/// tries again from the new head.
/// </summary>
public sealed class SealAuditLog(IDbContextFactory<EventHubDbContext> dbFactory, ILogger<SealAuditLog> logger)
{
    internal int BatchSize { get; set; } = 500;

    public async Task<SealSummary> ExecuteAsync(CancellationToken ct)
    {
        var total = 0;
        long? head = null;
        var conflicts = 0;
        while (!ct.IsCancellationRequested)
        {
            int sealedNow;
            try
            {
                (sealedNow, head) = await SealBatchAsync(ct);
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException or InvalidOperationException { InnerException: DbException })
            {
                // Another sealer took these positions first; start again from the new head.
                if (++conflicts > 5)
                {
                    logger.LogInformation(ex, "Audit sealing gave way to another sealer");
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50 * conflicts), ct);
                continue;
            }

            total += sealedNow;
            if (sealedNow < BatchSize)
            {
                break;
            }
        }

        if (total > 0)
        {
            logger.LogInformation("Sealed {Count} audit entries into the chain (head #{Head})", total, head);
        }

        return new SealSummary(total, head);
    }

    private async Task<(int Sealed, long? Head)> SealBatchAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync<(int Sealed, long? Head)>(async token =>
        {
            var last = await db.AuditEntries.AsNoTracking()
                .Where(a => a.ChainIndex != null)
                .OrderByDescending(a => a.ChainIndex)
                .Select(a => new { a.ChainIndex, a.Hash })
                .FirstOrDefaultAsync(token);
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(a => a.ChainIndex == null)
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .ToListAsync(token);
            if (batch.Count == 0)
            {
                return (0, last?.ChainIndex);
            }

            var previous = last?.Hash ?? AuditChain.Genesis;
            var index = (last?.ChainIndex ?? AuditChain.FirstIndex - 1) + 1;
            foreach (var entry in batch)
            {
                // Entries written before the chain existed have no digest: it is taken from their text as it stands now.
                var digest = entry.ContentDigest ?? AuditChain.ContentDigest(entry.ActorName, entry.Details);
                entry.ContentDigest = digest;
                var hash = AuditChain.Hash(previous, index, entry);
                var position = index;
                var changed = await db.AuditEntries
                    .Where(a => a.Id == entry.Id && a.ChainIndex == null)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(a => a.ChainIndex, position)
                        .SetProperty(a => a.Hash, hash)
                        .SetProperty(a => a.ContentDigest, digest), token);
                if (changed != 1)
                {
                    throw new DbUpdateException($"Audit entry {entry.Id} was sealed by another sealer.");
                }

                previous = hash;
                index++;
            }

            return (batch.Count, index - 1);
        }, ct);
    }
}
