using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Invitations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Localization;

/// <summary>What a personal link opens, for its language.</summary>
public enum PersonalLinkKind
{
    Invitation,
    Registration,
    Consent,
    Unsubscribe,
}

/// <summary>
/// The language of the person a personal link belongs to: every page reached through it speaks it, and the person can
/// change it there (the invitation or registration remembers the choice; emails follow it).
/// </summary>
public sealed class PersonalLanguage(IDbContextFactory<EventHubDbContext> dbFactory, UnsubscribeLinks unsubscribe)
{
    /// <summary>The person's language, or null when the token opens nothing (the browser's language then applies).</summary>
    public async Task<string?> FindAsync(PersonalLinkKind kind, string? token, CancellationToken ct = default)
    {
        if (kind != PersonalLinkKind.Unsubscribe && !PersonalToken.LooksValid(token))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return kind switch
        {
            PersonalLinkKind.Invitation => await db.InvitationLinks.Where(l => l.TokenHash == PersonalToken.Hash(token!))
                .Join(db.Invitations, l => l.InvitationId, i => i.Id, (l, i) => i.Language).FirstOrDefaultAsync(ct),
            PersonalLinkKind.Registration => await db.RegistrationLinks.Where(l => l.TokenHash == PersonalToken.Hash(token!))
                .Join(db.Registrations, l => l.RegistrationId, r => r.Id, (l, r) => r.Language).FirstOrDefaultAsync(ct),
            PersonalLinkKind.Consent => await db.OnRecordConsents.Where(c => c.RequestTokenHash == PersonalToken.Hash(token!))
                .Select(c => db.Registrations.Where(r => r.Id == c.RegistrationId).Select(r => r.Language).FirstOrDefault() ?? Languages.Default)
                .FirstOrDefaultAsync(ct),
            PersonalLinkKind.Unsubscribe => unsubscribe.Read(token) is { } contactId
                ? await db.Contacts.Where(c => c.Id == contactId).Select(c => c.PreferredLanguage).FirstOrDefaultAsync(ct)
                : null,
            _ => null,
        };
    }

    /// <summary>The person chose another language on their page: remembered on the invitation or registration (and the contact's directory entry is left alone).</summary>
    public async Task<bool> SetAsync(PersonalLinkKind kind, string? token, string? language, CancellationToken ct = default)
    {
        if (!Languages.IsSupported(language) || !PersonalToken.LooksValid(token))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = PersonalToken.Hash(token!);
        var changed = kind switch
        {
            PersonalLinkKind.Invitation => await db.Invitations.Where(i => i.Links.Any(l => l.TokenHash == hash))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Language, language!), ct),
            PersonalLinkKind.Registration => await db.Registrations.Where(r => r.Links.Any(l => l.TokenHash == hash))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Language, language!), ct),
            _ => 0,
        };
        return changed > 0;
    }
}
