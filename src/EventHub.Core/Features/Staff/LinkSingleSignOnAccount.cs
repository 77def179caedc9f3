using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Features.Staff;

/// <summary>Who the OpenID Connect provider says signed in: the id_token's subject, email, whether it is verified, name and amr.</summary>
public sealed record SingleSignOnIdentity(string Subject, string? Email, bool EmailVerified, string? Name, IReadOnlyList<string> AuthenticationMethods);

/// <summary>The staff account the provider's identity is linked to, and whether the login used more than a password.</summary>
public sealed record SingleSignOnAccount(ApplicationUser User, bool Created, bool MultiFactor);

/// <summary>
/// Finds (or, for a configured domain, creates) the staff account of a single sign-on identity. The identity's subject is
/// linked to the account the first time; after that the link decides. Links only by a verified email of an allowed domain,
/// and never to an account whose email is unconfirmed (someone else may have registered it).
/// Every refusal is an error on "" whose message the login page shows.
/// </summary>
public sealed class LinkSingleSignOnAccount(UserManager<ApplicationUser> users, EventHubDbContext db, IOptions<SingleSignOnOptions> options, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<SingleSignOnAccount>> ExecuteAsync(SingleSignOnIdentity identity, CancellationToken ct = default)
    {
        var settings = options.Value;
        var provider = settings.DisplayName;
        var multiFactor = settings.IsMultiFactor(identity.AuthenticationMethods);
        var email = identity.Email?.Trim() ?? "";
        var at = email.IndexOf('@');
        if (at <= 0 || at == email.Length - 1)
        {
            return Refused($"{provider} did not tell EventHub your email address, so no account can be found. Ask your administrator to release the email claim to EventHub.");
        }

        var domain = email[(at + 1)..].ToLowerInvariant();
        if (!settings.AllowedEmailDomains.Contains(domain, StringComparer.OrdinalIgnoreCase))
        {
            return Refused($"Sign-in with {provider} is not open to addresses at {domain}. Log in with your EventHub password, or ask an administrator.");
        }

        if (!identity.EmailVerified)
        {
            return Refused($"{provider} has not verified the address {email}; EventHub links accounts by verified addresses only.");
        }

        var user = await users.FindByLoginAsync(SingleSignOnOptions.Scheme, identity.Subject);
        if (user is not null)
        {
            return Outcome<SingleSignOnAccount>.Success(new SingleSignOnAccount(user, false, multiFactor));
        }

        user = await users.FindByEmailAsync(email);
        var created = false;
        if (user is null)
        {
            if (!settings.CreateAccountsForDomains.Contains(domain, StringComparer.OrdinalIgnoreCase))
            {
                return Refused($"No EventHub account uses {email}. Ask an administrator to invite you; then sign in with {provider}.");
            }

            var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.EmailDomains }).ToListAsync(ct);
            var employer = organisations.Where(o => o.EmailDomains.Contains(domain, StringComparer.OrdinalIgnoreCase)).Select(o => (Guid?)o.Id).ToList();
            user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = string.IsNullOrWhiteSpace(identity.Name) ? email : identity.Name.Trim(),
                OrganisationId = employer.Count == 1 ? employer[0] : null,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                return Refused($"EventHub could not create an account for {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            created = true;
        }
        else if (!user.EmailConfirmed)
        {
            return Refused($"The EventHub account for {email} is not confirmed yet. Confirm it with the link EventHub emailed you, then sign in with {provider}.");
        }
        else if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == SingleSignOnOptions.Scheme))
        {
            return Refused($"The EventHub account for {email} is linked to another {provider} identity. Ask an administrator.");
        }

        var linked = await users.AddLoginAsync(user, new UserLoginInfo(SingleSignOnOptions.Scheme, identity.Subject, provider));
        if (!linked.Succeeded)
        {
            return Refused($"EventHub could not link {email} to {provider}: {string.Join(" ", linked.Errors.Select(e => e.Description))}");
        }

        audit.Record(db, null, created ? "staff.sso-created" : "staff.sso-linked", null, nameof(ApplicationUser), user.Id, $"{email} via {provider}");
        await db.SaveChangesAsync(ct);
        return Outcome<SingleSignOnAccount>.Success(new SingleSignOnAccount(user, created, multiFactor));
    }

    private static Outcome<SingleSignOnAccount> Refused(string message) => Outcome<SingleSignOnAccount>.Invalid("", message);
}
