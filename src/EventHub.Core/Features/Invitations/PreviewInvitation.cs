using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Invitations;

public sealed record InvitationPreview(string To, string Subject, RenderedEmail Body);

/// <summary>Renders the invitation one chosen invitee would receive, before anything is sent.</summary>
public sealed class PreviewInvitation(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, InvitationMailer mailer)
{
    public async Task<Outcome<InvitationPreview>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid contactId, InviteForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Invite))
        {
            return Outcome<InvitationPreview>.Forbidden();
        }

        if (RequestValidation.Validate(new InviteForm { ContactIds = [contactId], Subject = form.Subject, Message = form.Message, Language = form.Language, Versions = form.Versions }) is { } errors)
        {
            return Outcome<InvitationPreview>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().Include(x => x.Organisation).SingleOrDefaultAsync(x => x.Id == eventId, ct);
        var contact = e is null ? null : await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId && c.DirectoryOrganisationId == e.OrganisationId, ct);
        if (e is null || contact is null)
        {
            return Outcome<InvitationPreview>.NotFound();
        }

        // What this invitee would read: their language (or the one the organiser chose), its version of the text, else the English.
        var language = form.Language ?? contact.PreferredLanguage;
        var (textSubject, textMessage) = form.TextFor(language);
        var (subject, body) = await mailer.PreviewAsync(e, contact, textSubject, textMessage, language);
        return Outcome<InvitationPreview>.Success(new InvitationPreview($"{contact.Name} <{contact.Email}>", subject, body));
    }
}
