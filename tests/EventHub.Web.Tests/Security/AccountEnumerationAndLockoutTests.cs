using System.Net;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.Security;

/// <summary>
/// Nothing tells a stranger whether an address has an account (the confirmation page, the register form, the time a wrong
/// password takes), and wrong passwords from one address do not lock the owner out from another.
/// </summary>
public sealed class AccountEnumerationAndLockoutTests
{
    private const string Password = "correct horse battery staple";
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = true };

    [Fact]
    public async Task The_confirmation_page_answers_the_same_for_a_known_and_an_unknown_address_and_is_rate_limited()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?> { ["RateLimits:PersonalLinkPerMinute"] = "4" });
        await app.CreateUserAsync("clara@kas.example", Password);
        var client = app.CreateClient(NoRedirects);

        var known = await client.GetAsync("/Account/RegisterConfirmation?email=clara%40kas.example");
        var unknown = await client.GetAsync("/Account/RegisterConfirmation?email=nobody%40kas.example");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(
            Normalised(await known.Content.ReadAsStringAsync(), "clara@kas.example"),
            Normalised(await unknown.Content.ReadAsStringAsync(), "nobody@kas.example"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/RegisterConfirmation?email=a%40kas.example")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/RegisterConfirmation?email=b%40kas.example")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/Account/RegisterConfirmation?email=c%40kas.example")).StatusCode);
    }

    [Fact]
    public async Task Registering_a_known_address_answers_as_for_a_new_one_and_tells_its_owner_by_email()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        await app.CreateUserAsync("clara@kas.example", Password);
        var client = app.CreateClient(NoRedirects);

        var taken = await AccountForms.PostAsync(client, "/Account/Register", "register", new() { ["Input.Email"] = "clara@kas.example", ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password });
        var fresh = await AccountForms.PostAsync(client, "/Account/Register", "register", new() { ["Input.Email"] = "newcomer@kas.example", ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(fresh.Headers.Location!.OriginalString.Replace("newcomer%40kas.example", "X"), taken.Headers.Location!.OriginalString.Replace("clara%40kas.example", "X"));
        Assert.DoesNotContain("already taken", await taken.Content.ReadAsStringAsync());
        var notice = Assert.Single(await AccountForms.EmailsToAsync(app, "clara@kas.example"));
        Assert.Equal("Someone tried to register with your address", notice.Subject);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == "CLARA@KAS.EXAMPLE")));
    }

    [Fact]
    public async Task A_wrong_password_for_an_unknown_address_costs_a_password_hash_like_a_known_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var hasher = new CountingPasswordHasher();
        await using var app = EventHubAppFactory.Create(database, services: s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher));
        await app.CreateUserAsync("clara@kas.example", Password);
        var client = app.CreateClient(NoRedirects);

        var before = hasher.Verifications;
        await AccountForms.LoginAsync(client, "clara@kas.example", "not the right password");
        var known = hasher.Verifications - before;
        before = hasher.Verifications;
        var unknownAnswer = await AccountForms.LoginAsync(client, "nobody@kas.example", "not the right password");
        var unknown = hasher.Verifications - before;

        Assert.Equal(1, known);
        Assert.Equal(1, unknown);
        Assert.Contains("Invalid login attempt", await unknownAnswer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_passwords_from_one_address_lock_that_address_out_but_not_the_owner_elsewhere()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?> { ["RateLimits:LoginPerMinute"] = "1000" }, services: ConnectionAddressFilter.Register);
        await app.CreateUserAsync("clara@kas.example", Password);
        const string attacker = "203.0.113.7", owner = "198.51.100.9";
        var attackerClient = app.CreateClient(NoRedirects);

        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await AccountForms.LoginAsync(attackerClient, "clara@kas.example", "not the right password", attacker);
            answers.Add(response.StatusCode == HttpStatusCode.OK ? "invalid" : response.Headers.Location!.OriginalString);
        }

        var rightPasswordFromAttacker = await AccountForms.LoginAsync(app.CreateClient(NoRedirects), "clara@kas.example", Password, attacker);
        var ownerLogin = await AccountForms.LoginAsync(app.CreateClient(NoRedirects), "clara@kas.example", Password, owner);

        Assert.Equal(["invalid", "invalid", "invalid", "invalid"], answers.Take(4));
        Assert.EndsWith("Account/Lockout", answers[4]);
        Assert.EndsWith("Account/Lockout", rightPasswordFromAttacker.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, ownerLogin.StatusCode);
        Assert.DoesNotContain("Lockout", ownerLogin.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Login", ownerLogin.Headers.Location!.OriginalString);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "clara@kas.example").Select(u => u.LockoutEnd).SingleAsync()));
    }

    private static string Normalised(string html, string email)
        // Per-response randomness (nonces, antiforgery and component state tokens) aside; the address asked for is echoed
        // as typed and, URL-encoded, in the language menu's way back to this page.
        => System.Text.RegularExpressions.Regex.Replace(html.Replace(email, "EMAIL").Replace(Uri.EscapeDataString(email), "EMAIL"), "[A-Za-z0-9+/=_-]{24,}", "TOKEN");

    /// <summary>The real hasher, counting the verifications it does.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> inner = new();
        private int verifications;

        public int Verifications => verifications;

        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
