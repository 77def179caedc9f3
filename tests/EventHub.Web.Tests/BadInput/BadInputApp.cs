using System.Net;
using System.Security.Claims;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Directory;
using EventHub.Core.Features.Events;
using EventHub.Core.Features.Invitations;
using EventHub.TestSupport;
using EventHub.Web.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.BadInput;

/// <summary>
/// One real app per test class (SQLite file, real Kestrel pipeline in memory) with an administrator and an organiser of the
/// foundation who can log in. Each test makes its own event, so tests of a class share the app but not their rows.
/// Rate limits are lifted: these tests post many times from one address.
/// </summary>
public class BadInputApp : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";
    public const string AdminEmail = "admin@example.org";
    public const string OrganiserEmail = "clara@kas.example";

    /// <summary>A 100 KB field.</summary>
    public static readonly string Long = new('x', 100 * 1024);

    /// <summary>Names in the four scripts (composed and decomposed accents), and hostile text, that must come back exactly.</summary>
    public static TheoryData<string> Names => new()
    {
        "نور الهدى عبد الله",
        "王小明",
        "Αλέξανδρος Παπαδόπουλος",
        "Zoe\u0308 Mu\u0308ller",
        "Zo\u00eb M\u00fcller",
        "<script>alert('x')</script> Smith",
        "Robert'); DROP TABLE Registrations;--",
        "O'Brien \"the younger\" & sons",
    };

    /// <summary>Addresses no mail can be sent to. The .NET [EmailAddress] attribute alone accepts the ones with a space or markup.</summary>
    public static TheoryData<string> BadEmails => new()
    {
        "not-an-email", "a@", "@example.org", "a b@example.org", "a@b@example.org", "<script>@example.org", "ana@example", "x@" + new string('a', 400) + ".org",
        "ana@example.org\r\nBcc: everyone@example.org",
    };

    public TestDatabase Database { get; private set; } = null!;
    public EventHubAppFactory App { get; private set; } = null!;
    public string DocumentsDirectory { get; } = Path.Combine(Path.GetTempPath(), "eventhub-tests", "documents-" + Guid.NewGuid().ToString("N"));
    public Organisation Kas { get; private set; } = null!;
    public ClaimsPrincipal Admin { get; private set; } = null!;
    public ClaimsPrincipal Organiser { get; private set; } = null!;

    /// <summary>Whether the app listens on a loopback port (Kestrel parses the request line, as in production) rather than in memory.</summary>
    protected virtual bool RealServer => false;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        App = EventHubAppFactory.Create(Database, realServer: RealServer, settings: new Dictionary<string, string?>
        {
            ["RateLimits:PersonalLinkPerMinute"] = "100000",
            ["RateLimits:LoginPerMinute"] = "100000",
            ["Documents:Directory"] = DocumentsDirectory,
            ["Documents:MaxFileMegabytes"] = "1",
            // No Hangfire server, also on a real port: its state is process-wide and other test classes run alongside.
            ["Jobs:RunServer"] = "false",
        });
        if (RealServer)
        {
            App.UseRealServer();
        }

        Kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        Admin = TestUsers.Principal(await App.CreateUserAsync(AdminEmail, Password, administrator: true), administrator: true);
        Organiser = TestUsers.Principal(await App.CreateUserAsync(OrganiserEmail, Password, Kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A valid event form, a month ahead, open.</summary>
    public static EventForm EventForm(string title = "Round table on Central Asia") => new()
    {
        Title = title,
        StartsLocal = DateTime.UtcNow.Date.AddDays(30).AddHours(10),
        EndsLocal = DateTime.UtcNow.Date.AddDays(30).AddHours(13),
        TimeZoneId = "Europe/Brussels",
        City = "Brussels",
        Venue = "Room ASP 5G2",
        Capacity = 35,
        Status = EventStatus.Open,
    };

    /// <summary>A new open event of the foundation, organised by <see cref="Organiser"/>.</summary>
    public async Task<Guid> NewEventAsync(string title = "Round table on Central Asia", Action<Event>? change = null)
    {
        var created = await RunAsync<CreateEvent, Outcome<Guid>>(u => u.ExecuteAsync(Organiser, EventForm(title)));
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        if (change is not null)
        {
            await WithDbAsync(async db =>
            {
                change(await db.Events.SingleAsync(e => e.Id == created.Value));
                return await db.SaveChangesAsync();
            });
        }

        return created.Value;
    }

    /// <summary>An expert of the directory invited to the event through the real use case; returns a personal link of the invitation.</summary>
    public async Task<(string Token, Guid InvitationId)> InviteAsync(Guid eventId, string name = "Ana Lima", string? email = null)
    {
        email ??= $"expert-{Guid.NewGuid():N}@example.org";
        var contact = await RunAsync<SaveContact, Outcome<Guid>>(u => u.ExecuteAsync(Organiser, new ContactForm { DirectoryOrganisationId = Kas.Id, Name = name, Email = email, Organisation = "EEAS" }));
        Assert.True(contact.Succeeded, string.Join(" ", contact.Errors.SelectMany(e => e.Value)));
        var invited = await RunAsync<InviteExperts, Outcome<InviteResult>>(u => u.ExecuteAsync(Organiser, eventId, new InviteForm { ContactIds = [contact.Value] }));
        Assert.True(invited.Succeeded, string.Join(" ", invited.Errors.SelectMany(e => e.Value)));

        // The link in the email is not readable here (only its hash is stored): add another link, as a resend would.
        var (token, hash) = PersonalToken.Create();
        var invitationId = await WithDbAsync(async db =>
        {
            var invitation = await db.Invitations.SingleAsync(i => i.EventId == eventId && i.ContactId == contact.Value);
            db.InvitationLinks.Add(new InvitationLink { Id = Guid.NewGuid(), InvitationId = invitation.Id, TokenHash = hash, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return invitation.Id;
        });
        return (token, invitationId);
    }

    /// <summary>A registration written directly (as vetting would leave it), for tests about what comes after.</summary>
    public Task<Guid> RegistrationAsync(Guid eventId, RegistrationStatus status, string name = "Ana Lima", RegistrationSource source = RegistrationSource.Invitation)
    {
        var email = $"guest-{Guid.NewGuid():N}@example.org";
        var now = DateTime.UtcNow;
        return WithDbAsync(async db =>
        {
            var r = new Registration
            {
                Id = Guid.NewGuid(),
                EventId = eventId,
                Source = source,
                Status = status,
                Name = name,
                Email = email,
                NormalizedEmail = Contact.Normalize(email),
                OrganisationName = "EEAS",
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                ApprovedAtUtc = status == RegistrationStatus.Approved ? now : null,
                RuleAcknowledgedAtUtc = now,
                ConcurrencyStamp = Guid.NewGuid(),
            };
            db.Registrations.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
    }

    /// <summary>A personal link to the attendee page of a registration.</summary>
    public async Task<string> RegistrationLinkAsync(Guid registrationId)
    {
        var (token, hash) = PersonalToken.Create();
        await WithDbAsync(async db =>
        {
            db.RegistrationLinks.Add(new RegistrationLink { Id = Guid.NewGuid(), RegistrationId = registrationId, TokenHash = hash, CreatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        return token;
    }

    public async Task<TResult> RunAsync<TUseCase, TResult>(Func<TUseCase, Task<TResult>> work)
        where TUseCase : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    public Task<T> WithDbAsync<T>(Func<EventHubDbContext, Task<T>> work) => App.WithDbAsync(work);

    public Task<HttpClient> StaffAsync(string email = OrganiserEmail) => StaffLogin.ClientAsync(App, email, Password);

    public HttpClient Anonymous() => RealServer
        ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(App.BaseUrl) }
        : App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>
    /// Opens a page, then posts one of its static-SSR forms (by its handler name) with its antiforgery token and the given
    /// fields, as a browser would. Returns the status and the page that came back.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Html)> PostFormAsync(HttpClient client, string url, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(url);
        var form = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler),
            new("__RequestVerificationToken", StaffLogin.AntiforgeryToken(page)),
        };
        form.AddRange(fields);
        var response = await client.PostAsync(url, new FormUrlEncodedContent(form));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The validation messages shown for a form field (by the input's name attribute), as the page renders them.</summary>
    public static List<string> MessagesFor(IHtmlDocument page, string inputName)
    {
        var input = page.QuerySelectorAll("input, textarea, select").FirstOrDefault(e => e.GetAttribute("name") == inputName)
            ?? throw new InvalidOperationException($"The page has no field named {inputName}.");
        var messages = new List<string>();
        for (var sibling = input.NextElementSibling; sibling is not null; sibling = sibling.NextElementSibling)
        {
            if (sibling.ClassList.Contains("validation-message"))
            {
                messages.Add(sibling.TextContent.Trim());
            }
        }

        return messages;
    }
}

/// <summary>The same app listening on a loopback port: for addresses only a real server sees as sent (NUL, 10 KB paths).</summary>
public sealed class BadInputServer : BadInputApp
{
    protected override bool RealServer => true;
}
