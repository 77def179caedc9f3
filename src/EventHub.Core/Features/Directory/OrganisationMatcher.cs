using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Directory;

/// <summary>
/// Links an expert's employer, as written, to a known organisation by its name, acronym or an alias (case-insensitive),
/// so that vetting and the report check know its other names. Anything else is kept as written.
/// </summary>
public sealed class OrganisationMatcher
{
    private readonly Dictionary<string, Guid> byName = new(StringComparer.OrdinalIgnoreCase);

    private OrganisationMatcher()
    {
    }

    public static async Task<OrganisationMatcher> LoadAsync(EventHubDbContext db, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name, o.Acronym, o.Aliases }).ToListAsync(ct);
        var matcher = new OrganisationMatcher();
        // Names win over acronyms, acronyms over aliases, when two organisations share a word.
        foreach (var o in organisations)
        {
            matcher.byName.TryAdd(o.Name.Trim(), o.Id);
        }

        foreach (var o in organisations.Where(o => !string.IsNullOrWhiteSpace(o.Acronym)))
        {
            matcher.byName.TryAdd(o.Acronym!.Trim(), o.Id);
        }

        foreach (var o in organisations)
        {
            foreach (var alias in o.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)))
            {
                matcher.byName.TryAdd(alias.Trim(), o.Id);
            }
        }

        return matcher;
    }

    public (Guid? OrganisationId, string? OrganisationName) Match(string? written)
    {
        var text = string.IsNullOrWhiteSpace(written) ? null : written.Trim();
        if (text is null)
        {
            return (null, null);
        }

        return byName.TryGetValue(text, out var id) ? (id, null) : (null, text);
    }
}
