using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Directory;

public sealed record DirectoryChoice(Guid Id, string Name);

/// <summary>
/// The directory a page works in (null when an administrator has not chosen yet), the ones the user may choose from
/// (administrators: every organisation), and the tags and employers found in it, for the filters.
/// </summary>
public sealed record DirectoryFacets(
    DirectoryChoice? Directory,
    IReadOnlyList<DirectoryChoice> Choices,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Organisations,
    int ContactCount);

/// <summary>
/// Which expert directory the user works in: staff one of the directories they keep (their own organisation's first);
/// administrators any organisation's they choose. Forbidden for someone who keeps no directory and is no administrator.
/// </summary>
public sealed class OpenDirectory(IDbContextFactory<EventHubDbContext> dbFactory, DirectoryAccess access)
{
    public async Task<Outcome<DirectoryFacets>> ExecuteAsync(ClaimsPrincipal actor, Guid? requested, CancellationToken ct = default)
    {
        var isAdministrator = actor.IsInRole(Roles.Administrator);
        var kept = await access.KeptDirectoriesAsync(actor, ct);
        var directoryId = requested ?? (kept.Count > 0 ? kept[0] : null);
        if (directoryId is null && !isAdministrator)
        {
            return Outcome<DirectoryFacets>.Forbidden();
        }

        if (directoryId is { } id && !await access.CanManageAsync(actor, id, ct))
        {
            return Outcome<DirectoryFacets>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var choices = isAdministrator
            ? await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new DirectoryChoice(o.Id, o.Name)).ToListAsync(ct)
            : await db.Organisations.AsNoTracking().Where(o => kept.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new DirectoryChoice(o.Id, o.Name)).ToListAsync(ct);
        var directory = choices.FirstOrDefault(c => c.Id == directoryId);
        if (directory is null)
        {
            return directoryId is null || isAdministrator
                ? Outcome<DirectoryFacets>.Success(new DirectoryFacets(null, choices, [], [], 0))
                : Outcome<DirectoryFacets>.NotFound();
        }

        // Tags live in a JSON or array column: gathered here rather than in SQL, which the providers write differently.
        var rows = await db.Contacts.AsNoTracking().Where(c => c.DirectoryOrganisationId == directory.Id)
            .Select(c => new { c.Tags, Organisation = c.Organisation != null ? c.Organisation.Name : c.OrganisationName })
            .ToListAsync(ct);
        var tags = rows.SelectMany(r => r.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var organisations = rows.Select(r => r.Organisation).OfType<string>().Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
        return Outcome<DirectoryFacets>.Success(new DirectoryFacets(directory, choices, tags, organisations, rows.Count));
    }
}
