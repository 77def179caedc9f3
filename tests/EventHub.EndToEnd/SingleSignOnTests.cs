using EventHub.Core.Authorization;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>
/// Staff sign in through a real OpenID Connect provider (OpenIddict on a loopback port), in Chromium: linked by verified
/// email, two-factor satisfied by the provider's amr, and every refusal said on the login page, with nobody signed in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SingleSignOnTests(BrowserFixture browser) : BrowserTest(browser)
{
    private OpenIdProvider provider = null!;
    private Organisation kas = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SingleSignOn:Enabled"] = "true",
        ["SingleSignOn:DisplayName"] = "Foundation ID",
        ["SingleSignOn:Authority"] = provider.Issuer,
        ["SingleSignOn:ClientId"] = provider.ClientId,
        ["SingleSignOn:ClientSecret"] = provider.ClientSecret,
        ["SingleSignOn:RequireHttpsMetadata"] = "false",
        ["SingleSignOn:AllowedEmailDomains:0"] = "kas.example",
        ["SingleSignOn:AllowedEmailDomains:1"] = "enc.example",
        ["SingleSignOn:CreateAccountsForDomains:0"] = "enc.example",
        ["Security:RequireTwoFactorForStaff"] = "true",
    };

    public override async Task InitializeAsync()
    {
        provider = await OpenIdProvider.StartAsync();
        await base.InitializeAsync();
        provider.RedirectUri = App.BaseUrl + "/signin-oidc";
        kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await provider.DisposeAsync();
    }

    [Fact]
    public async Task An_organiser_signs_in_with_the_provider_and_lands_on_the_events_page_with_their_roles()
    {
        var clara = await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        var marc = await App.CreateUserAsync("marc@kas.example", Password, kas.Id);
        await App.WithDbAsync(async db =>
        {
            var talk = new Event
            {
                Id = Guid.NewGuid(), Title = "Central Asia background talk", TimeZoneId = "Europe/Brussels", OrganisationId = kas.Id, City = "Brussels", Capacity = 35,
                StartsAtUtc = DateTime.UtcNow.AddDays(20), EndsAtUtc = DateTime.UtcNow.AddDays(20).AddHours(3), Status = EventStatus.Open,
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, ConcurrencyStamp = Guid.NewGuid(),
            };
            db.Events.Add(talk);
            db.EventTeamMembers.AddRange(
                new EventTeamMember { Id = Guid.NewGuid(), EventId = talk.Id, UserId = clara.Id, Role = EventRole.Organiser, AddedAtUtc = DateTime.UtcNow },
                new EventTeamMember { Id = Guid.NewGuid(), EventId = talk.Id, UserId = marc.Id, Role = EventRole.Organiser, AddedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        // Password and a second factor at the provider: the organiser's two-factor requirement is met.
        provider.NextUser = new OpenIdTestUser("entra-clara", "Clara@KAS.example", true, "Clara Neumann", "pwd", "mfa");
        await SignInWithProviderFrom("/events");

        await ExpectAt("/events");
        await Page.Locator("[data-circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(Page.GetByText("Central Asia background talk")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "New event" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Expert directory" })).ToBeVisibleAsync();
        await ScreenshotAsync("sso-signed-in");
        Assert.Equal(["S256"], provider.CodeChallengeMethods);
        var logins = await App.WithDbAsync(db => db.UserLogins.AsNoTracking().Select(l => new { l.UserId, l.LoginProvider, l.ProviderKey }).ToListAsync());
        Assert.Equal([(clara.Id, SingleSignOnOptions.Scheme, "entra-clara")], logins.Select(l => (l.UserId, l.LoginProvider, l.ProviderKey)));

        // Password only at the provider: an organiser without two-factor is sent to set it up, as after a password login.
        await Context.ClearCookiesAsync();
        provider.NextUser = new OpenIdTestUser("entra-marc", "marc@kas.example", true, "Marc Dubois", "pwd");
        await SignInWithProviderFrom("/events");
        await ExpectAt(TwoFactorSetupPath);
    }

    [Fact]
    public async Task A_wrong_audience_an_unknown_domain_an_unknown_person_and_an_unverified_address_are_refused_on_the_login_page()
    {
        await App.CreateUserAsync("clara@kas.example", Password, kas.Id);

        provider.IssueForAnotherAudience = true;
        provider.NextUser = new OpenIdTestUser("entra-clara", "clara@kas.example", true, "Clara Neumann", "pwd", "mfa");
        await SignInWithProviderFrom("/events");
        await ExpectRefusal("the provider issued the sign-in for another application");

        provider.IssueForAnotherAudience = false;
        provider.NextUser = new OpenIdTestUser("entra-eve", "eve@elsewhere.example", true, "Eve", "pwd", "mfa");
        await SignInWithProviderFrom("/events");
        await ExpectRefusal("Sign-in with Foundation ID is not open to addresses at elsewhere.example.");

        provider.NextUser = new OpenIdTestUser("entra-nina", "nina@kas.example", true, "Nina Park", "pwd", "mfa");
        await SignInWithProviderFrom("/events");
        await ExpectRefusal("No EventHub account uses nina@kas.example. Ask an administrator to invite you");

        provider.NextUser = new OpenIdTestUser("entra-clara", "clara@kas.example", false, "Clara Neumann", "pwd", "mfa");
        await SignInWithProviderFrom("/events");
        await ExpectRefusal("Foundation ID has not verified the address clara@kas.example");

        Assert.Equal(0, await App.WithDbAsync(db => db.UserLogins.CountAsync()));
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "nina@kas.example" || u.Email == "eve@elsewhere.example")));

        // A domain configured for it gets an account at first sign-in: staff of the organisation using that domain, with no roles.
        var enc = await App.WithDbAsync(async db =>
        {
            var o = await TestUsers.CreateOrganisationAsync(db, "European Neighbourhood Council", "ENC");
            o.EmailDomains = ["enc.example"];
            await db.SaveChangesAsync();
            return o;
        });
        provider.NextUser = new OpenIdTestUser("entra-pieter", "pieter@enc.example", true, "Pieter de Vries", "pwd");
        await SignInWithProviderFrom("/events");
        await ExpectAt("/events");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Events", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "New event" })).ToHaveCountAsync(0);
        var pieter = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "pieter@enc.example"));
        Assert.Equal(("Pieter de Vries", enc.Id, true), (pieter.DisplayName, pieter.OrganisationId, pieter.EmailConfirmed));
        Assert.False(await App.WithDbAsync(db => db.OrganisationRoleGrants.AnyAsync(g => g.UserId == pieter.Id)));
    }

    private const string TwoFactorSetupPath = "/Account/Manage/EnableAuthenticator";

    private async Task SignInWithProviderFrom(string path)
    {
        await Page.GotoAsync(path);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var login = Page.Url;
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Foundation ID" })).ToBeVisibleAsync();
        // The way out and back crosses origins (the provider's port): wait for where it ends, not for one navigation.
        // Chromium sometimes drops the form's navigation while the login page's passkey autofill fails on an IP host
        // (net::ERR_ABORTED before any request); a second press goes through, as it would for a person.
        for (var attempt = 1; ; attempt++)
        {
            // Pressed after the evaluation returns, so that the navigation does not race the evaluation's answer.
            try
            {
                await Page.EvaluateAsync("() => setTimeout(() => document.querySelector(\"button[name='provider']\").click(), 0)");
            }
            catch (PlaywrightException e) when (Page.Url != login || e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal))
            {
                // The page is already on its way (the navigation destroyed the page's script context before the answer came back).
            }

            try
            {
                await Page.WaitForURLAsync(url => url != login && url.StartsWith(App.BaseUrl, StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal), new() { Timeout = 60_000, WaitUntil = WaitUntilState.Commit });
                break;
            }
            catch (TimeoutException) when (attempt < 4 && Page.Url == login)
            {
            }
        }

        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 60_000 });
    }

    /// <summary>The browser is at <paramref name="path"/>; if not, the failure shows what the page said.</summary>
    private async Task ExpectAt(string path)
    {
        var at = new Uri(Page.Url).AbsolutePath;
        Assert.True(at.EndsWith(path, StringComparison.Ordinal), $"Expected {path}, at {Page.Url}: {await Page.InnerTextAsync("body")}");
    }

    private async Task ExpectRefusal(string message)
    {
        await ExpectAt("/Account/Login");
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = message })).ToBeVisibleAsync();
        var state = await Page.GotoAsync("/events");
        Assert.Contains("/Account/Login", Page.Url);
        Assert.NotNull(state);
    }
}
