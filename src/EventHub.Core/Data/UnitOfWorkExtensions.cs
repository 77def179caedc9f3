using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Data;

public static class UnitOfWorkExtensions
{
    /// <summary>
    /// Runs one unit of work in its own transaction, inside the provider's execution strategy. SQL Server and PostgreSQL
    /// retry transient failures (a dropped connection, a failover, a deadlock victim), and EF refuses a transaction begun
    /// outside the strategy, because it could not replay it. On a retry the whole unit runs again from a clean slate: the
    /// change tracker is cleared and a new transaction begun before each attempt.
    /// <para>So <paramref name="unit"/> must itself read everything that decides what it writes (entities loaded before the
    /// call are detached by the first attempt), and must do nothing outside the database that cannot happen twice:
    /// emails go to the outbox, in the same transaction.</para>
    /// <para>The transaction commits when <paramref name="unit"/> returns, unless the unit rolled it back itself
    /// (<c>db.Database.RollbackTransactionAsync</c>) to refuse with what it had already written undone; an exception rolls
    /// it back.</para>
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> unit, CancellationToken ct = default)
        => db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await unit(token);
            if (db.Database.CurrentTransaction == transaction)
            {
                await transaction.CommitAsync(token);
            }

            return result;
        }, ct);
}
