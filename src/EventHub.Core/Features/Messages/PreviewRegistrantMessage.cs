using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EventHub.Core.Features.Messages;

/// <summary>The message as the first recipient will read it, with how many registrants the filter selects and who they are.</summary>
public sealed class PreviewRegistrantMessage(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, EmailComposer composer, IStringLocalizer<PlainWords> words)
{
    public async Task<Outcome<RegistrantMessagePreview>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, RegistrantMessageForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ExportRegistrations))
        {
            return Outcome<RegistrantMessagePreview>.Forbidden();
        }

        if (RegistrantMessage.Validate(form) is { Count: > 0 } errors)
        {
            return Outcome<RegistrantMessagePreview>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().Include(x => x.Organisation).SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<RegistrantMessagePreview>.NotFound();
        }

        var recipients = await RegistrantMessage.RecipientsAsync(db, eventId, form.Filter, ct);
        var (subject, body) = await RegistrantMessage.ComposeAsync(composer, e, form, recipients.FirstOrDefault()?.Name ?? "Ada Example");
        return Outcome<RegistrantMessagePreview>.Success(new RegistrantMessagePreview(subject, body, recipients, await RegistrantMessage.DescribeAsync(db, form.Filter, words, ct)));
    }
}
