using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Registrations;

/// <summary>The calendar entry of an approved registration: title, start and end in UTC, and the exact venue. Nobody else gets one.</summary>
public sealed class GetCalendarEntry(IDbContextFactory<EventHubDbContext> dbFactory, Localization.Translations translations)
{
    public async Task<Outcome<CalendarFile>> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await AttendeeLinks.FindAsync(db, token, ct);
        if (r is null)
        {
            return Outcome<CalendarFile>.NotFound();
        }

        if (r.Status != RegistrationStatus.Approved)
        {
            return Outcome<CalendarFile>.Forbidden();
        }

        return Outcome<CalendarFile>.Success(CalendarEntry.Build(r, r.Event!, translations.For(r.Language)));
    }
}
