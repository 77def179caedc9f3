using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Organisations;

public sealed class ListOrganisations(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<IReadOnlyList<Organisation>> ExecuteAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
    }
}
