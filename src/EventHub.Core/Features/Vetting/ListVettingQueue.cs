using System.Security.Claims;
using System.Text.RegularExpressions;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Vetting;

/// <summary>What vetting checks automatically for each registration.</summary>
[Flags]
public enum VettingFlags
{
    None = 0,

    /// <summary>The same person registered twice for this event (same email, or same name and organisation).</summary>
    Duplicate = 1,

    /// <summary>The email's domain is not among the stated organisation's known domains.</summary>
    EmailDomainMismatch = 2,

    /// <summary>The venue needs security data and the person has not given it.</summary>
    SecurityDataMissing = 4,

    /// <summary>Nominated by an invitee rather than invited.</summary>
    Nomination = 8,

    /// <summary>Rejected before at another event of the same organisation.</summary>
    RejectedBefore = 16,

    /// <summary>The event is full: approving needs a freed place or an organiser's override.</summary>
    CapacityReached = 32,

    /// <summary>Accepted through an invitation under a name that is not the invited contact's (a forwarded link?).</summary>
    NameDiffersFromInvitation = 64,
}

public static class VettingFlagText
{
    public static IEnumerable<(VettingFlags Flag, string Label)> All { get; } =
    [
        (VettingFlags.Duplicate, "Registered twice"),
        (VettingFlags.EmailDomainMismatch, "Email domain does not match the organisation"),
        (VettingFlags.SecurityDataMissing, "Security data missing"),
        (VettingFlags.Nomination, "Nominated, not invited"),
        (VettingFlags.RejectedBefore, "Rejected before at our events"),
        (VettingFlags.CapacityReached, "Capacity reached"),
        (VettingFlags.NameDiffersFromInvitation, "Name differs from the invitation"),
    ];

    public static IEnumerable<string> Labels(VettingFlags flags) => All.Where(x => flags.HasFlag(x.Flag)).Select(x => x.Label);
}

public enum VettingSort
{
    Registered,
    Name,
    Organisation,
    Status,
}

public sealed class VettingQuery
{
    public RegistrationStatus? Status { get; set; }
    public VettingFlags? Flag { get; set; }
    public Sector? Sector { get; set; }
    public RegistrationSource? Source { get; set; }

    /// <summary>Only registrations that carry this tag.</summary>
    public Guid? TagId { get; set; }

    /// <summary>Part of a name, an email or an organisation.</summary>
    public string? Search { get; set; }
    public VettingSort SortBy { get; set; } = VettingSort.Registered;
    public bool Descending { get; set; }
    public int Skip { get; set; }
    public int Take { get; set; } = 25;

    /// <summary>The filter and sort as a query string ("?status=Pending&amp;q=nato"), so a registration's page can walk the same list.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null && !(value is string s && string.IsNullOrWhiteSpace(s)))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value.ToString()!)}");
            }
        }

        Add("status", Status);
        Add("flag", Flag is VettingFlags.None ? null : Flag);
        Add("sector", Sector);
        Add("source", Source);
        Add("tag", TagId);
        Add("q", Search?.Trim());
        Add("sort", SortBy == VettingSort.Registered ? null : SortBy);
        Add("desc", Descending ? "true" : null);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>Reads what <see cref="ToQueryString"/> wrote; an unknown value is ignored (the whole queue, as a fresh page shows it).</summary>
    public static VettingQuery FromQuery(string? status, string? flag, string? sector, string? source, string? search, string? sort, bool descending, string? tag = null) => new()
    {
        TagId = Guid.TryParse(tag, out var tagId) ? tagId : null,
        Status = Enum.TryParse<RegistrationStatus>(status, true, out var st) && Enum.IsDefined(st) ? st : null,
        Flag = Enum.TryParse<VettingFlags>(flag, true, out var f) && f != VettingFlags.None ? f : null,
        Sector = Enum.TryParse<Sector>(sector, true, out var sec) && Enum.IsDefined(sec) ? sec : null,
        Source = Enum.TryParse<RegistrationSource>(source, true, out var src) && Enum.IsDefined(src) ? src : null,
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
        SortBy = Enum.TryParse<VettingSort>(sort, true, out var by) && Enum.IsDefined(by) ? by : VettingSort.Registered,
        Descending = descending,
    };
}

/// <summary>Where a registration stands in the queue as filtered and sorted: its neighbours, for next and previous.</summary>
public sealed record QueuePosition(Guid? Previous, Guid? Next, int Index, int Total);

public sealed record VettingRow(
    Guid Id, string Name, string Email, string? Organisation, string? Position, Sector? Sector, RegistrationSource Source,
    RegistrationStatus Status, DateTime CreatedAtUtc, bool OverCapacity, IReadOnlyList<string> ApprovedBy, IReadOnlyList<string> RejectedBy,
    VettingFlags Flags)
{
    /// <summary>The invited contact's name, when the registration's name differs from it (shown beside the flag).</summary>
    public string? InvitedAs { get; init; }

    /// <summary>The registration's tags, by name.</summary>
    public IReadOnlyList<RegistrationTag> Tags { get; init; } = [];
}

public sealed record VettingPage(
    IReadOnlyList<VettingRow> Rows, int Total, IReadOnlyDictionary<RegistrationStatus, int> Counts, IReadOnlyList<string> ApproverGroups,
    int ApprovedCount, int Capacity, bool CanOverride);

/// <summary>The input of <see cref="ListVettingQueue.ComputeFlags"/>: one registration as the queue loads it.</summary>
public sealed record VettingCandidate(
    Guid Id, string Name, string NormalizedEmail, Guid? OrganisationId, string? OrganisationName, RegistrationSource Source,
    RegistrationStatus Status, bool HasSecurityData)
{
    /// <summary>The invited contact's name, for a registration that accepted an invitation.</summary>
    public string? InvitedName { get; init; }
}

/// <summary>What the flags are computed against, loaded once per queue in set-based queries.</summary>
public sealed record FlagContext(
    IReadOnlyList<VettingCandidate> All, IReadOnlyList<Organisation> Organisations, IReadOnlySet<string> RejectedElsewhereEmails,
    bool RequireSecurityData, int ApprovedCount, int Capacity);

/// <summary>
/// The vetting queue of one event, filtered, sorted and paged, with the automatic flags. The event's registrations are
/// loaded in one projection and everything the flags need in a fixed number of set-based queries (no query per row).
/// </summary>
public sealed partial class ListVettingQueue(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public Task<Outcome<VettingPage>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, VettingQuery query, CancellationToken ct = default)
        => ExecuteAsync(actor, eventId, query, maxTake: 500, ct);

    /// <summary>The registration's place in the queue as <paramref name="query"/> filters and sorts it (Index 0 and no neighbours when it is not in it).</summary>
    public async Task<Outcome<QueuePosition>> PositionAsync(ClaimsPrincipal actor, Guid eventId, VettingQuery query, Guid registrationId, CancellationToken ct = default)
    {
        var all = new VettingQuery
        {
            Status = query.Status, Flag = query.Flag, Sector = query.Sector, Source = query.Source, Search = query.Search, TagId = query.TagId,
            SortBy = query.SortBy, Descending = query.Descending, Skip = 0, Take = int.MaxValue,
        };
        var outcome = await ExecuteAsync(actor, eventId, all, maxTake: int.MaxValue, ct);
        if (outcome.Value is not { } page)
        {
            return outcome.Status == OutcomeStatus.Forbidden ? Outcome<QueuePosition>.Forbidden() : Outcome<QueuePosition>.NotFound();
        }

        var ids = page.Rows.Select(r => r.Id).ToList();
        var index = ids.IndexOf(registrationId);
        return Outcome<QueuePosition>.Success(index < 0
            ? new QueuePosition(null, null, 0, ids.Count)
            : new QueuePosition(index > 0 ? ids[index - 1] : null, index < ids.Count - 1 ? ids[index + 1] : null, index + 1, ids.Count));
    }

    private async Task<Outcome<VettingPage>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, VettingQuery query, int maxTake, CancellationToken ct)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Vet))
        {
            return Outcome<VettingPage>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().Where(x => x.Id == eventId)
            .Select(x => new { x.OrganisationId, x.Capacity, x.ApprovedCount, x.RequireSecurityData, x.ApproverGroups })
            .SingleOrDefaultAsync(ct);
        if (e is null)
        {
            return Outcome<VettingPage>.NotFound();
        }

        var registrations = await db.Registrations.AsNoTracking().Where(r => r.EventId == eventId)
            .Select(r => new
            {
                r.Id, r.Name, r.Email, r.NormalizedEmail, r.OrganisationId, r.OrganisationName,
                r.Position, r.Sector, r.Source, r.Status, r.CreatedAtUtc, r.OverCapacity, HasSecurityData = r.ProtectedSecurityData != null,
                InvitedName = r.InvitationId == null ? null : db.Invitations.Where(i => i.Id == r.InvitationId).Select(i => i.Contact!.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var decisions = await db.RegistrationApprovals.AsNoTracking()
            .Where(a => !a.Superseded && db.Registrations.Any(r => r.Id == a.RegistrationId && r.EventId == eventId))
            .Select(a => new { a.RegistrationId, a.Group, a.Decision })
            .ToListAsync(ct);
        var rejectedElsewhere = (await db.Registrations.AsNoTracking()
            .Where(r => r.EventId != eventId && r.Status == RegistrationStatus.Rejected && r.Event!.OrganisationId == e.OrganisationId
                        && db.Registrations.Any(mine => mine.EventId == eventId && mine.NormalizedEmail == r.NormalizedEmail))
            .Select(r => r.NormalizedEmail).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
        var tags = (await db.RegistrationTagAssignments.AsNoTracking().Where(a => a.Tag!.EventId == eventId)
            .Select(a => new { a.RegistrationId, a.Tag }).ToListAsync(ct)).ToLookup(a => a.RegistrationId, a => a.Tag!);

        var candidates = registrations.Select(r => new VettingCandidate(r.Id, r.Name, r.NormalizedEmail, r.OrganisationId, r.OrganisationName, r.Source, r.Status, r.HasSecurityData) { InvitedName = r.InvitedName }).ToList();
        var context = new FlagContext(candidates, organisations, rejectedElsewhere, e.RequireSecurityData, e.ApprovedCount, e.Capacity);
        var flags = ComputeFlags(context);
        var byRegistration = decisions.ToLookup(d => d.RegistrationId);
        var organisationNames = organisations.ToDictionary(o => o.Id, o => o.Name);

        var rows = registrations.Select(r => new VettingRow(
            r.Id, r.Name, r.Email, r.OrganisationId is { } oid && organisationNames.TryGetValue(oid, out var n) ? n : r.OrganisationName,
            r.Position, r.Sector, r.Source, r.Status, r.CreatedAtUtc, r.OverCapacity,
            byRegistration[r.Id].Where(d => d.Decision == VettingDecision.Approved).Select(d => d.Group).Order().ToList(),
            byRegistration[r.Id].Where(d => d.Decision == VettingDecision.Rejected).Select(d => d.Group).Order().ToList(),
            flags[r.Id]) {
            InvitedAs = flags[r.Id].HasFlag(VettingFlags.NameDiffersFromInvitation) ? r.InvitedName : null,
            Tags = tags[r.Id].OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
        });

        var counts = registrations.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        if (query.Flag is { } flag and not VettingFlags.None)
        {
            rows = rows.Where(r => (r.Flags & flag) != 0);
        }

        if (query.Sector is { } sector)
        {
            rows = rows.Where(r => r.Sector == sector);
        }

        if (query.Source is { } source)
        {
            rows = rows.Where(r => r.Source == source);
        }

        if (query.TagId is { } tagId)
        {
            rows = rows.Where(r => r.Tags.Any(t => t.Id == tagId));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            rows = rows.Where(r => r.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || r.Email.Contains(term, StringComparison.OrdinalIgnoreCase)
                                   || (r.Organisation?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false));
        }

        var filtered = rows.ToList();
        IEnumerable<VettingRow> sorted = query.SortBy switch
        {
            VettingSort.Name => query.Descending ? filtered.OrderByDescending(r => r.Name, StringComparer.CurrentCultureIgnoreCase) : filtered.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase),
            VettingSort.Organisation => query.Descending ? filtered.OrderByDescending(r => r.Organisation, StringComparer.CurrentCultureIgnoreCase) : filtered.OrderBy(r => r.Organisation, StringComparer.CurrentCultureIgnoreCase),
            VettingSort.Status => query.Descending ? filtered.OrderByDescending(r => r.Status) : filtered.OrderBy(r => r.Status),
            _ => query.Descending ? filtered.OrderByDescending(r => r.CreatedAtUtc) : filtered.OrderBy(r => r.CreatedAtUtc),
        };
        var page = sorted.Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, maxTake)).ToList();
        var canOverride = await authorization.CanAsync(actor, eventId, EventPermission.Edit);
        return Outcome<VettingPage>.Success(new VettingPage(page, filtered.Count, counts, e.ApproverGroups, e.ApprovedCount, e.Capacity, canOverride));
    }

    /// <summary>The automatic flags of every registration in <paramref name="context"/>, by registration id. Pure: no database.</summary>
    public static IReadOnlyDictionary<Guid, VettingFlags> ComputeFlags(FlagContext context)
    {
        var live = context.All.Where(c => c.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Rejected)).ToList();
        var emailCounts = live.GroupBy(c => c.NormalizedEmail, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var byName = new Dictionary<string, Organisation>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in context.Organisations)
        {
            byName.TryAdd(o.Name.Trim(), o);
        }

        foreach (var o in context.Organisations.Where(o => !string.IsNullOrWhiteSpace(o.Acronym)))
        {
            byName.TryAdd(o.Acronym!.Trim(), o);
        }

        foreach (var o in context.Organisations)
        {
            foreach (var alias in o.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)))
            {
                byName.TryAdd(alias.Trim(), o);
            }
        }

        var byId = context.Organisations.ToDictionary(o => o.Id);
        Organisation? OrganisationOf(VettingCandidate c)
            => c.OrganisationId is { } id && byId.TryGetValue(id, out var o) ? o
                : !string.IsNullOrWhiteSpace(c.OrganisationName) && byName.TryGetValue(c.OrganisationName.Trim(), out var named) ? named : null;
        string OrganisationKey(VettingCandidate c) => OrganisationOf(c)?.Id.ToString() ?? NormalizeName(c.OrganisationName);
        var personCounts = live.GroupBy(c => (NormalizeName(c.Name), OrganisationKey(c))).ToDictionary(g => g.Key, g => g.Count());
        var full = context.ApprovedCount >= context.Capacity;

        var result = new Dictionary<Guid, VettingFlags>();
        foreach (var c in context.All)
        {
            var flags = VettingFlags.None;
            var counts = c.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Rejected);
            if (counts && (emailCounts.GetValueOrDefault(c.NormalizedEmail) > 1 || personCounts.GetValueOrDefault((NormalizeName(c.Name), OrganisationKey(c))) > 1))
            {
                flags |= VettingFlags.Duplicate;
            }

            if (OrganisationOf(c) is { EmailDomains.Count: > 0 } organisation)
            {
                var domain = c.NormalizedEmail[(c.NormalizedEmail.LastIndexOf('@') + 1)..];
                if (!organisation.EmailDomains.Any(d => domain == d.Trim().ToLowerInvariant() || domain.EndsWith("." + d.Trim().ToLowerInvariant(), StringComparison.Ordinal)))
                {
                    flags |= VettingFlags.EmailDomainMismatch;
                }
            }

            if (context.RequireSecurityData && !c.HasSecurityData)
            {
                flags |= VettingFlags.SecurityDataMissing;
            }

            if (c.Source == RegistrationSource.Nomination)
            {
                flags |= VettingFlags.Nomination;
            }

            if (context.RejectedElsewhereEmails.Contains(c.NormalizedEmail))
            {
                flags |= VettingFlags.RejectedBefore;
            }

            if (c.InvitedName is { } invited && !PersonNames.SamePerson(c.Name, invited))
            {
                flags |= VettingFlags.NameDiffersFromInvitation;
            }

            if (full && c.Status is RegistrationStatus.Pending or RegistrationStatus.Waitlisted)
            {
                flags |= VettingFlags.CapacityReached;
            }

            result[c.Id] = flags;
        }

        return result;
    }

    /// <summary>Lower case, single spaces, no accents: "  Ada  NOVÁK " and "ada novak" are the same name.</summary>
    public static string NormalizeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var decomposed = name.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var letters = new string(decomposed.Where(ch => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
        return Spaces().Replace(letters, " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
