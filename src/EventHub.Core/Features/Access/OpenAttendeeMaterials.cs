using EventHub.Core.Data;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Access;

public sealed record AttendeeAgendaItem(string Title, DateTime StartsAtUtc, DateTime? EndsAtUtc, ConfidentialityLevel Confidentiality);

public sealed record AttendeeDocument(Guid Id, string Title, string FileName, long SizeBytes);

public sealed record ListedParticipant(string Name, string? Organisation, bool IsYou);

/// <summary>What an approved attendee's page adds: where and how to get in, the agenda, the pre-read and who agreed to be listed.</summary>
public sealed record AttendeeMaterials(
    string TimeZoneId, string? Venue, string? City, string? EntranceInstructions,
    IReadOnlyList<AttendeeAgendaItem> Agenda, IReadOnlyList<AttendeeDocument> Documents,
    IReadOnlyList<ListedParticipant> Participants, bool YouAreListed);

/// <summary>
/// The confidential part of /r/{token}: only for an approved registration (null otherwise, and for anything that is not a
/// valid link). The participant list holds only approved attendees who consented to be listed.
/// </summary>
public sealed class OpenAttendeeMaterials(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<AttendeeMaterials?> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await AttendeeLinks.FindAsync(db, token, ct);
        if (r is null || r.Status != RegistrationStatus.Approved)
        {
            return null;
        }

        var e = r.Event!;
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.EventId == e.Id)
            .OrderBy(a => a.StartsAtUtc).ThenBy(a => a.SortOrder)
            .Select(a => new AttendeeAgendaItem(a.Title, a.StartsAtUtc, a.EndsAtUtc, a.Confidentiality))
            .ToListAsync(ct);
        var documents = await db.EventDocuments.AsNoTracking().Where(d => d.EventId == e.Id && d.DeletedAtUtc == null)
            .OrderBy(d => d.UploadedAtUtc)
            .Select(d => new AttendeeDocument(d.Id, d.Title, d.FileName, d.SizeBytes))
            .ToListAsync(ct);
        var participants = await db.Registrations.AsNoTracking()
            .Where(x => x.EventId == e.Id && x.Status == RegistrationStatus.Approved && x.ListMeConsent && x.AnonymisedAtUtc == null)
            .OrderBy(x => x.Name)
            .Select(x => new ListedParticipant(x.Name, x.OrganisationName, x.Id == r.Id))
            .ToListAsync(ct);
        return new AttendeeMaterials(e.TimeZoneId, e.Venue, e.City, e.EntranceInstructions, agenda, documents, participants, r.ListMeConsent);
    }
}

/// <summary>The confidentiality levels in plain words, as attendees read them.</summary>
public static class ConfidentialityText
{
    public static string Label(ConfidentialityLevel level) => level switch
    {
        ConfidentialityLevel.OnTheRecord => "On the record",
        ConfidentialityLevel.ChathamHouse => "Chatham House Rule",
        ConfidentialityLevel.OffTheRecord => "Off the record",
        _ => level.ToString(),
    };

    public static string Explanation(ConfidentialityLevel level) => level switch
    {
        ConfidentialityLevel.OnTheRecord => "Speakers may be named and quoted.",
        ConfidentialityLevel.ChathamHouse => "You may use what is said, but not reveal who said it, where they work, or who else was there.",
        ConfidentialityLevel.OffTheRecord => "Nothing said may be used or repeated outside the room.",
        _ => "",
    };
}
