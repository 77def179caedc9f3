using System.Collections.Concurrent;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Components.Account;

/// <summary>
/// EventHub: password sign-in that neither tells nor can be turned against the account's owner.
/// <list type="bullet">
/// <item>An unknown account costs the same password hash as a known one (verified against a dummy hash), so the time of a
/// wrong answer does not say whether the address has an account.</item>
/// <item>Wrong passwords lock out the pair (account, client address), not the account: after
/// <see cref="LockoutOptions.MaxFailedAccessAttempts"/> failures from one address that address is refused for that account
/// for <see cref="LockoutOptions.DefaultLockoutTimeSpan"/>, doubling with each further lockout (at most a day), while the
/// owner still signs in from anywhere else. The login rate limit per address slows one address trying many accounts.</item>
/// </list>
/// An administrator's lockout (the account's LockoutEnd) and two-factor code failures still lock the account itself.
/// </summary>
public sealed class EventHubSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    LoginFailures failures)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // The same work as a real check, so an unknown address answers in the same time.
            var dummy = new ApplicationUser { UserName = userName };
            dummyHash ??= UserManager.PasswordHasher.HashPassword(dummy, Guid.NewGuid().ToString("N"));
            UserManager.PasswordHasher.VerifyHashedPassword(dummy, dummyHash, password);
            return SignInResult.Failed;
        }

        var client = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (failures.IsLockedOut(user.Id, client))
        {
            // Still hash: a locked pair answers in the same time as any other refusal.
            UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? dummyHash ?? "", password);
            Logger.LogWarning("Password sign-in refused: too many failures for this account from {Client}.", client);
            return SignInResult.LockedOut;
        }

        // The account-wide counter stays out of it (lockoutOnFailure: false): failures are counted per address below.
        var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            failures.Reset(user.Id, client);
        }
        else if (!result.IsLockedOut && !result.IsNotAllowed && lockoutOnFailure && failures.Record(user.Id, client))
        {
            Logger.LogWarning("Too many failed passwords for an account from {Client}: that address is locked out of it.", client);
            return SignInResult.LockedOut;
        }

        return result;
    }
}

/// <summary>
/// Failed password sign-ins per (account, client address), in this node's memory: a restart forgets them, and with several
/// nodes each counts its own (the sticky proxy keeps a client on one node). Entries expire with their lockout.
/// </summary>
public sealed class LoginFailures(IOptions<IdentityOptions> options, TimeProvider clock)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public bool IsLockedOut(string userId, string client)
        => entries.TryGetValue(Key(userId, client), out var e) && e.LockedUntil > clock.GetUtcNow();

    /// <summary>Counts a failure; true when it locks the pair out.</summary>
    public bool Record(string userId, string client)
    {
        var lockout = options.Value.Lockout;
        var now = clock.GetUtcNow();
        if (entries.Count > MaxEntries)
        {
            foreach (var stale in entries.Where(x => x.Value.LockedUntil < now && x.Value.LastFailure < now - TimeSpan.FromDays(1)).Select(x => x.Key).ToList())
            {
                entries.TryRemove(stale, out _);
            }
        }

        var entry = entries.AddOrUpdate(Key(userId, client),
            _ => lockout.MaxFailedAccessAttempts <= 1
                ? new Entry(0, 1, now + lockout.DefaultLockoutTimeSpan, now)
                : new Entry(1, 0, DateTimeOffset.MinValue, now),
            (_, e) =>
            {
                var count = e.Failures + 1;
                if (count < lockout.MaxFailedAccessAttempts)
                {
                    return e with { Failures = count, LastFailure = now };
                }

                // Each lockout of the same pair lasts twice as long as the one before, up to a day.
                var span = TimeSpan.FromTicks(Math.Min(lockout.DefaultLockoutTimeSpan.Ticks << Math.Min(e.Lockouts, 16), TimeSpan.FromDays(1).Ticks));
                return new Entry(0, e.Lockouts + 1, now + span, now);
            });
        return entry.LockedUntil > now;
    }

    public void Reset(string userId, string client) => entries.TryRemove(Key(userId, client), out _);

    private static string Key(string userId, string client) => userId + "|" + client;

    private sealed record Entry(int Failures, int Lockouts, DateTimeOffset LockedUntil, DateTimeOffset LastFailure);
}
