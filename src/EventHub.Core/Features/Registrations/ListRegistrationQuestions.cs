using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Registrations;

/// <summary>The event's registration settings (cut-off in its zone) and questions, for the form editor.</summary>
public sealed record RegistrationFormSettings(RegistrationSettingsForm Settings, string TimeZoneId, IReadOnlyList<RegistrationQuestion> Questions);

public sealed class ListRegistrationQuestions(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<RegistrationFormSettings>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<RegistrationFormSettings>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<RegistrationFormSettings>.NotFound();
        }

        var definition = await RegistrationFormDefinition.LoadAsync(db, e, ct);
        var settings = new RegistrationSettingsForm
        {
            RequireSecurityData = e.RequireSecurityData,
            RequireInviteeName = e.RequireInviteeName,
            AllowRequests = e.AllowRequests,
            EditCutoffLocal = e.EditCutoffUtc is { } cutoff ? EventTime.ToLocal(cutoff, e.TimeZoneId) : null,
            WaitlistOfferHours = e.WaitlistOfferHours,
        };
        return Outcome<RegistrationFormSettings>.Success(new RegistrationFormSettings(settings, e.TimeZoneId, definition.Questions));
    }
}
