using System.Net;
using System.Text;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Demo;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Registrations;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EventHub.Web.Tests.Security;

/// <summary>
/// Every routable page and endpoint of the app, visited as every kind of visitor, against a table of what each may see.
/// The routes come from the app's own endpoint data source, so a new page without a line in <see cref="Table"/> fails this
/// test with its name (and the outcomes it produced, to review before copying).
/// </summary>
public sealed class RouteTableAuthorizationTests(ITestOutputHelper output)
{
    private const string Password = "correct horse battery staple";

    /// <summary>The visitors, in the order of each line's outcome column.</summary>
    private static readonly string[] RoleNames = ["anonymous", "attendee", "door", "vetter", "rapporteur", "host", "other-organiser", "creator", "keeper", "manager", "organiser", "admin"];

    /// <summary>
    /// One line per route: the route as the app declares it, the address to visit (placeholders filled from the scenario),
    /// a text that shows the page really opened, and one outcome per visitor in <see cref="RoleNames"/> order:
    /// <c>ok</c> 200 with the marker · <c>login</c> sent to the login · <c>denied</c> 403 or the access-denied page ·
    /// <c>none</c> the NoAccess message · <c>404</c> not found · <c>invalid</c> the invalid-link page ·
    /// <c>redirect</c> any other redirect (Account pages that need a query they were not given) · <c>skip</c> not visited.
    /// Placeholders: {event} the demo talk, {registration} its registration, {contact} a KAS expert, {email} one of the
    /// talk's outbox rows, {kas} the KAS organisation; {rtoken}, {itoken}, {utoken} personal links (the attendee's real one,
    /// a forged one for everybody else, since holding the link is the permission).
    /// </summary>
    private static readonly RouteEntry[] Table =
    [
        // Agenda and team are read-only for the rest of the team (edit controls only for organisers); /outbox lists only
        // the events whose outbox the visitor may see; /events/new is open to those who may create events somewhere.
        // Creating events and the directory need an organisation role (creator: may create events in KAS; keeper: keeps KAS's
        // directory; manager: grants roles in KAS, and sees KAS's staff); the demo organiser holds all three, the other
        // organiser the first two in their own organisation. Door staff, vetters, rapporteurs and host reviewers hold none.
        //  route                                              visit                                        marker                       anon    attendee door    vetter  rapp    host    other   creator keeper  manager org     admin
        R("/",                                                 "/",                                          "Chatham House Rule",        "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/not-found",                                        "/not-found",                                 null,                        "skip    skip    skip    skip    skip    skip    skip    skip    skip    skip    skip    skip"),
        R("/Error",                                            "/Error",                                     null,                        "skip    skip    skip    skip    skip    skip    skip    skip    skip    skip    skip    skip"),
        R("/events",                                           "/events",                                    "Events",                    "login   login   ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/events/new",                                       "/events/new",                                "New event",                 "login   login   denied  denied  denied  denied  ok      ok      denied  denied  ok      ok"),
        R("/events/{EventId:guid}",                            "/events/{event}",                            "Central Asia",              "login   login   redirect ok      ok      ok      none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/edit",                       "/events/{event}/edit",                       "Edit event",                "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/agenda",                     "/events/{event}/agenda",                     "Agenda",                    "login   login   none    ok      ok      ok      none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/team",                       "/events/{event}/team",                       "Team",                      "login   login   none    ok      ok      ok      none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/registration-form",          "/events/{event}/registration-form",          "Registration form",         "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/invite",                     "/events/{event}/invite",                     "Invite experts",            "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/invitations",                "/events/{event}/invitations",                "Invitations",               "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/reminders",                  "/events/{event}/reminders",                  "Reminders",                 "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/vetting",                    "/events/{event}/vetting",                    "Vetting",                   "login   login   none    ok      none    ok      none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/registrations/{RegistrationId:guid}", "/events/{event}/registrations/{registration}", "Registration",   "login   login   none    ok      none    ok      none    none    none    none    ok      ok"),
        R("/directory",                                        "/directory",                                 "Expert directory",          "login   login   denied  denied  denied  denied  ok      denied  ok      denied  ok      ok"),
        R("/directory/new",                                    "/directory/new?organisation={kas}",          "Add an expert",             "login   login   denied  denied  denied  denied  none    denied  ok      denied  ok      ok"),
        R("/directory/{Id:guid}",                              "/directory/{contact}",                       "Expert",                    "login   login   denied  denied  denied  denied  none    denied  ok      denied  ok      ok"),
        R("/directory/import",                                 "/directory/import?organisation={kas}",       "Import experts",            "login   login   denied  denied  denied  denied  none    denied  ok      denied  ok      ok"),
        R("GET /directory/export.csv",                         "/directory/export.csv?organisation={kas}",   "Email",                     "login   login   denied  denied  denied  denied  denied  denied  ok      denied  ok      ok"),
        R("/outbox",                                           "/outbox",                                    "Outbox",                    "login   login   ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/outbox/{Id:guid}",                                 "/outbox/{email}",                            "Email",                     "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        R("GET /outbox/{id:guid}/message.eml",                 "/outbox/{email}/message.eml",                "MIME-Version",                "login   login   denied  denied  denied  denied  denied  denied  denied  denied  ok      ok"),
        R("/admin/staff",                                      "/admin/staff",                               "Staff",                     "login   login   denied  denied  denied  denied  denied  denied  denied  ok      ok      ok"),
        R("/admin/organisations",                              "/admin/organisations",                       "Organisations",             "login   login   denied  denied  denied  denied  denied  denied  denied  denied  denied  ok"),
        R("/jobs/{**path}",                                    "/jobs",                                      "Hangfire",                  "login   login   denied  denied  denied  denied  denied  denied  denied  denied  denied  ok"),
        R("/health",                                           "/health",                                    "Healthy",                   "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),

        // Personal links: the attendee holds the real link, everybody else a forged one. The unsubscribe page asks for a
        // confirmation whatever the link (so mail scanners cannot trigger it) and checks the link on the post.
        R("/i/{Token}",                                        "/i/{itoken}",                                "Central Asia",              "invalid ok      invalid invalid invalid invalid invalid invalid invalid invalid invalid invalid"),
        R("/r/{Token}",                                        "/r/{rtoken}",                                "Central Asia",              "invalid ok      invalid invalid invalid invalid invalid invalid invalid invalid invalid invalid"),
        R("GET /r/{token}/calendar.ics",                       "/r/{rtoken}/calendar.ics",                   "BEGIN:VCALENDAR",           "404     ok      404     404     404     404     404     404     404     404     404     404"),
        R("/unsubscribe/{Token}",                              "/unsubscribe/{utoken}",                      "Stop receiving invitations?", "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/request/{EventId:guid}",                           "/request/{event}",                           "Request",                   "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),

        // Identity (the template's pages). Pages that need a query they were not given send the visitor on ("redirect").
        R("/Account/Login",                                    "/Account/Login",                             "Log in",                    "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/LoginWith2fa",                             "/Account/LoginWith2fa",                      null,                        "login   login   login   login   login   login   login   login   login   login   login   login"),
        R("/Account/LoginWithRecoveryCode",                    "/Account/LoginWithRecoveryCode",             null,                        "login   login   login   login   login   login   login   login   login   login   login   login"),
        R("/Account/ExternalLogin",                            "/Account/ExternalLogin",                     null,                        "login   login   login   login   login   login   login   login   login   login   login   login"),
        R("/Account/Register",                                 "/Account/Register",                          "Register",                  "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/RegisterConfirmation",                     "/Account/RegisterConfirmation",              null,                        "redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect"),
        R("/Account/ConfirmEmail",                             "/Account/ConfirmEmail",                      null,                        "redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect"),
        R("/Account/ConfirmEmailChange",                       "/Account/ConfirmEmailChange",                null,                        "login   login   login   login   login   login   login   login   login   login   login   login"),
        R("/Account/ForgotPassword",                           "/Account/ForgotPassword",                    "Forgot your password",      "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/ForgotPasswordConfirmation",               "/Account/ForgotPasswordConfirmation",        null,                        "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/ResetPassword",                            "/Account/ResetPassword",                     null,                        "redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect"),
        R("/Account/ResetPasswordConfirmation",                "/Account/ResetPasswordConfirmation",         null,                        "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/InvalidPasswordReset",                     "/Account/InvalidPasswordReset",              null,                        "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/InvalidUser",                              "/Account/InvalidUser",                       null,                        "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/ResendEmailConfirmation",                  "/Account/ResendEmailConfirmation",           null,                        "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/Lockout",                                  "/Account/Lockout",                           null,                        "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/AccessDenied",                             "/Account/AccessDenied",                      null,                        "ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/Manage",                                   "/Account/Manage",                            "Profile",                   "login   login   ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/Manage/ChangePassword",                    "/Account/Manage/ChangePassword",             "Change password",           "login   login   ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/Manage/SetPassword",                       "/Account/Manage/SetPassword",                null,                        "login   login   redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect"),
        R("/Account/Manage/Email",                             "/Account/Manage/Email",                      "Manage email",              "login   login   ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/Manage/TwoFactorAuthentication",           "/Account/Manage/TwoFactorAuthentication",    "Two-factor authentication", "login   login   ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/Manage/EnableAuthenticator",               "/Account/Manage/EnableAuthenticator",        "authenticator app",         "login   login   ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/Manage/ResetAuthenticator",                "/Account/Manage/ResetAuthenticator",         null,                        "login   login   ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/Manage/Disable2fa",                        "/Account/Manage/Disable2fa",                 null,                        "login   login   redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect"),
        R("/Account/Manage/GenerateRecoveryCodes",             "/Account/Manage/GenerateRecoveryCodes",      null,                        "login   login   redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect"),
        R("/Account/Manage/Passkeys",                          "/Account/Manage/Passkeys",                   null,                        "login   login   ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/Manage/RenamePasskey/{Id}",                "/Account/Manage/RenamePasskey/{event}",      null,                        "login   login   redirect redirect redirect redirect redirect redirect redirect redirect redirect redirect"),
        R("/Account/Manage/ExternalLogins",                    "/Account/Manage/ExternalLogins",             null,                        "login   login   ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/Manage/PersonalData",                      "/Account/Manage/PersonalData",               null,                        "login   login   ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        R("/Account/Manage/DeletePersonalData",                "/Account/Manage/DeletePersonalData",         null,                        "login   login   ok      ok      ok      ok      ok      ok      ok      ok      ok      ok"),
        // Posts without the form's antiforgery token are refused (400) before they do anything.
        R("POST /Account/Logout",                              "/Account/Logout",                            null,                        "400     400     400     400     400     400     400     400     400     400     400     400"),
        R("POST /Account/Language",                            "/Account/Language",                          null,                        "400     400     400     400     400     400     400     400     400     400     400     400"),
        R("POST /Account/PerformExternalLogin",                "/Account/PerformExternalLogin",              null,                        "400     400     400     400     400     400     400     400     400     400     400     400"),
        R("POST /Account/PasskeyCreationOptions",              "/Account/PasskeyCreationOptions",            null,                        "400     400     400     400     400     400     400     400     400     400     400     400"),
        R("POST /Account/PasskeyRequestOptions",               "/Account/PasskeyRequestOptions",             null,                        "400     400     400     400     400     400     400     400     400     400     400     400"),
        R("POST /Account/Manage/LinkExternalLogin",            "/Account/Manage/LinkExternalLogin",          null,                        "login   login   400     400     400     400     400     400     400     400     400     400"),
        R("POST /Account/Manage/DownloadPersonalData",         "/Account/Manage/DownloadPersonalData",       null,                        "login   login   400     400     400     400     400     400     400     400     400     400"),
        // Issues 5 to 7: the door, access list, documents, participants, the report, privacy.
        R("/admin/audit",                                      "/admin/audit",                              "Audit log",                 "login   login   denied  denied  denied  denied  denied  denied  denied  denied  denied  ok"),
        R("/admin/people",                                     "/admin/people",                             "People's data",             "login   login   denied  denied  denied  denied  denied  denied  denied  denied  denied  ok"),
        R("/consent/{Token}",                                  "/consent/{rtoken}",                         null,                        "invalid invalid invalid invalid invalid invalid invalid invalid invalid invalid invalid invalid"),
        R("/events/{EventId:guid}/access-list",                "/events/{event}/access-list",               "Access list for building security", "login   login   none    ok      ok      ok      none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/documents",                  "/events/{event}/documents",                 "Pre-read documents",        "login   login   none    ok      ok      ok      none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/door",                       "/events/{event}/door",                      "Door ·",                    "login   login   ok      none    none    none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/door/sessions",              "/events/{event}/door/sessions",             "Door sessions",             "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        R("GET /events/{eventId:guid}/door/name-cards.pdf",    "/events/{event}/door/name-cards.pdf",       "%PDF",                      "login   login   ok      denied  denied  denied  denied  denied  denied  denied  ok      ok"),
        R("GET /events/{eventId:guid}/door/check-in-sheet.pdf", "/events/{event}/door/check-in-sheet.pdf",  "%PDF",                      "login   login   ok      denied  denied  denied  denied  denied  denied  denied  ok      ok"),
        R("GET /events/{eventId:guid}/door/badges.pdf",        "/events/{event}/door/badges.pdf",           "%PDF",                      "login   login   ok      denied  denied  denied  denied  denied  denied  denied  ok      ok"),
        // The offline door's API answers only to a door session's bearer token; a form post (what this table sends) is refused first.
        R("GET /door-api/session",                             "/door-api/session",                         null,                        "denied  denied  denied  denied  denied  denied  denied  denied  denied  denied  denied  denied"),
        R("GET /door-api/list",                                "/door-api/list",                            null,                        "denied  denied  denied  denied  denied  denied  denied  denied  denied  denied  denied  denied"),
        R("POST /door-api/check-ins",                          "/door-api/check-ins",                       null,                        "400     400     400     400     400     400     400     400     400     400     400     400"),
        R("POST /door-api/end",                                "/door-api/end",                             null,                        "400     400     400     400     400     400     400     400     400     400     400     400"),
        R("/events/{EventId:guid}/participants",               "/events/{event}/participants",              "Participants",              "login   login   none    ok      ok      ok      none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/report",                     "/events/{event}/report",                    "Report draft",              "login   login   none    none    ok      none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/report/circulate",           "/events/{event}/report/circulate",          "Circulate the summary",     "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/report/consents",            "/events/{event}/report/consents",           "On-record consents",        "login   login   none    none    ok      none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/report/notes",               "/events/{event}/report/notes",              "My notes",                  "login   login   none    none    ok      none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/report/print",               "/events/{event}/report/print",              null,                        "login   login   none    none    ok      ok      none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/report/review",              "/events/{event}/report/review",             "Report review",             "login   login   none    none    ok      ok      none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/report/versions",            "/events/{event}/report/versions",           "Versions",                  "login   login   none    none    ok      none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/retention",                  "/events/{event}/retention",                 "Retention",                 "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        // Reuse, tags, messages, exports and activity: the event's organisers (copying also needs "may create events").
        R("/events/{EventId:guid}/copy",                       "/events/{event}/copy",                      "New event from this one",   "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/message",                    "/events/{event}/message",                   "Message registrants",       "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        R("/events/{EventId:guid}/exports",                    "/events/{event}/exports",                   "Exports",                   "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        R("GET /events/{eventId:guid}/exports/{dataset}.{format}", "/events/{event}/exports/registrations.csv", "Amira Haddad",           "login   login   denied  denied  denied  denied  denied  denied  denied  denied  ok      ok"),
        R("/events/{EventId:guid}/activity",                   "/events/{event}/activity",                  "Everything recorded for this event", "login   login   none    none    none    none    none    none    none    none    ok      ok"),
        R("GET /events/{eventId:guid}/activity.csv",           "/events/{event}/activity.csv",              "What happened",             "login   login   denied  denied  denied  denied  denied  denied  denied  denied  ok      ok"),
        R("/reports/{Slug}",                                   "/reports/{event}",                          null,                        "404     404     404     404     404     404     404     404     404     404     404     404"),
        R("GET /events/{eventId:guid}/access-list.csv",        "/events/{event}/access-list.csv",           null,                        "login   login   denied  ok      ok      ok      denied  denied  denied  denied  ok      ok"),
        R("GET /events/{eventId:guid}/access-list.xlsx",       "/events/{event}/access-list.xlsx",          null,                        "login   login   denied  ok      ok      ok      denied  denied  denied  denied  ok      ok"),
        R("GET /events/{eventId:guid}/documents/{documentId:guid}/download", "/events/{event}/documents/{event}/download", null,                        "login   login   denied  404     404     404     denied  denied  denied  denied  404     404"),
        R("GET /events/{eventId:guid}/report/report.docx",     "/events/{event}/report/report.docx",        null,                        "login   login   denied  denied  ok      ok      denied  denied  denied  denied  ok      ok"),
        R("GET /r/{token}/documents/{documentId:guid}",        "/r/{rtoken}/documents/{event}",             null,                        "404     404     404     404     404     404     404     404     404     404     404     404"),
    ];

    private static RouteEntry R(string route, string visit, string? marker, string outcomes)
    {
        var parts = outcomes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != RoleNames.Length)
        {
            throw new ArgumentException($"The line for {route} has {parts.Length} outcomes, not {RoleNames.Length}.");
        }

        return new RouteEntry(route, visit, marker, parts);
    }

    private sealed record RouteEntry(string Route, string Visit, string? Marker, string[] Outcomes);

    [Fact]
    public async Task Every_route_is_in_the_table_and_answers_each_role_as_listed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, settings: new Dictionary<string, string?>
        {
            ["RateLimits:PersonalLinkPerMinute"] = "10000",
            ["RateLimits:LoginPerMinute"] = "10000",
            ["Jobs:RunServer"] = "true",
        });
        _ = app.CreateClient();
        var scenario = await Scenario.CreateAsync(app);

        var routes = AppRoutes(app);
        var table = Table.ToDictionary(e => e.Route);
        var missing = routes.Where(r => !table.ContainsKey(r)).ToList();
        var stale = table.Keys.Where(k => !routes.Contains(k)).ToList();

        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in RoleNames)
        {
            clients[role] = await StaffLogin.ClientAsync(app, scenario.Logins.GetValueOrDefault(role), Password);
        }

        var failures = new List<string>();
        var securityShownTo = new List<string>();
        var suggestions = new StringBuilder();
        foreach (var route in routes)
        {
            var entry = table.GetValueOrDefault(route);
            var visit = entry?.Visit ?? GuessVisit(route);
            var actual = new List<string>();
            for (var i = 0; i < RoleNames.Length; i++)
            {
                var role = RoleNames[i];
                var expected = entry?.Outcomes[i];
                if (expected == "skip")
                {
                    actual.Add("skip");
                    continue;
                }

                var url = scenario.Fill(visit, role);
                using var response = route.StartsWith("POST ", StringComparison.Ordinal)
                    ? await clients[role].PostAsync(url, new FormUrlEncodedContent([]))
                    : await clients[role].GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                var outcome = Classify(response, body, entry?.Marker);
                // Security data (decrypted date of birth, nationality, document number) for the event's organisers only,
                // on every route: pages, exports and endpoints alike.
                if (body.Contains(Scenario.SecurityDocumentNumber, StringComparison.Ordinal))
                {
                    securityShownTo.Add($"{route} as {role}");
                }

                actual.Add(outcome);
                if (expected is not null && outcome != expected)
                {
                    failures.Add($"{route} as {role} ({url}): expected {expected}, got {outcome} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }

            if (entry is null)
            {
                suggestions.AppendLine($"R(\"{route}\", \"{visit}\", null, \"{string.Join(" ", actual)}\"),");
            }
        }

        output.WriteLine($"{routes.Count} routes × {RoleNames.Length} visitors.");
        if (suggestions.Length > 0)
        {
            output.WriteLine("Routes without an entry (outcomes observed now; check them before copying):\n" + suggestions);
        }

        Assert.True(missing.Count == 0, "Routes without an entry in RouteTableAuthorizationTests.Table: " + string.Join(", ", missing)
            + "\nObserved (review before copying):\n" + suggestions);
        Assert.True(stale.Count == 0, "Entries for routes the app no longer has: " + string.Join(", ", stale));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var registrationPage = "/events/{EventId:guid}/registrations/{RegistrationId:guid}";
        Assert.Equal([$"{registrationPage} as organiser", $"{registrationPage} as admin"],
            securityShownTo.Where(r => r.StartsWith(registrationPage, StringComparison.Ordinal)));
        Assert.True(securityShownTo.All(r => r.EndsWith(" as organiser", StringComparison.Ordinal) || r.EndsWith(" as admin", StringComparison.Ordinal)),
            "Security data shown to someone who is not an organiser: " + string.Join(", ", securityShownTo));
    }

    /// <summary>Every page (component with @page) and endpoint, as "/route" for pages and "METHOD /route" for the rest.</summary>
    private static List<string> AppRoutes(EventHubAppFactory app)
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (IsInfrastructure(endpoint, pattern))
            {
                continue;
            }

            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                routes.Add(pattern);
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            routes.Add(methods is { Count: > 0 } ? $"{string.Join(",", methods)} {pattern}" : pattern);
        }

        return [.. routes];
    }

    /// <summary>The framework's own plumbing: static files, the circuit's hub, the interactive runtime, .</summary>
    internal static bool IsInfrastructure(RouteEndpoint endpoint, string pattern) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
        || pattern.StartsWith("/_blazor", StringComparison.Ordinal)
        || pattern.StartsWith("/_framework", StringComparison.Ordinal)
        || pattern == "/{**path:file}";

    private static string GuessVisit(string route)
    {
        var path = route.Contains(' ') ? route[(route.IndexOf(' ') + 1)..] : route;
        return System.Text.RegularExpressions.Regex.Replace(path, "\\{(\\w+)[^}]*\\}", m => m.Groups[1].Value.ToLowerInvariant() switch
        {
            "eventid" => "{event}",
            "registrationid" => "{registration}",
            "token" => "{rtoken}",
            _ => "{event}",
        });
    }

    private static string Classify(HttpResponseMessage response, string body, string? marker)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        switch (response.StatusCode)
        {
            case HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect:
                return location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) ? "login"
                    : location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ? "denied"
                    : "redirect";
            case HttpStatusCode.Forbidden:
                return "denied";
            case HttpStatusCode.NotFound:
                return "404";
            case HttpStatusCode.OK:
                if (body.Contains("class=\"alert alert-warning mt-3\" role=\"alert\"", StringComparison.Ordinal))
                {
                    return "none";
                }

                if (body.Contains("This link is not valid", StringComparison.Ordinal))
                {
                    return "invalid";
                }

                return marker is null || System.Net.WebUtility.HtmlDecode(body).Contains(marker, StringComparison.Ordinal) ? "ok" : "ok-without-marker"; // text from the resources is HTML-encoded ("·" as &#xB7;)
            default:
                return ((int)response.StatusCode).ToString();
        }
    }

    /// <summary>The demo installation (an event with a full team) plus an organiser of another event and one registration.</summary>
    private sealed class Scenario
    {
        /// <summary>The document number in the registration's (encrypted) security data: where it shows, the data was decrypted.</summary>
        public const string SecurityDocumentNumber = "EH-ROUTE-4711";

        public Dictionary<string, string> Logins { get; } = [];
        private readonly Dictionary<string, string> values = [];
        private readonly Dictionary<string, string> realTokens = [];

        public string Fill(string visit, string role)
        {
            var url = visit;
            foreach (var (key, value) in values)
            {
                url = url.Replace("{" + key + "}", value, StringComparison.Ordinal);
            }

            foreach (var (key, value) in realTokens)
            {
                url = url.Replace("{" + key + "}", role == "attendee" ? value : Forged(key), StringComparison.Ordinal);
            }

            return url;
        }

        private static string Forged(string key) => key == "utoken" ? "CfDJ8forged" + new string('x', 40) : PersonalToken.Create().Token;

        public static async Task<Scenario> CreateAsync(EventHubAppFactory app)
        {
            var scenario = new Scenario();
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await services.GetRequiredService<SeedDemo>().ExecuteAsync();
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var db = services.GetRequiredService<EventHubDbContext>();

            foreach (var (role, email) in new[]
                     {
                         ("door", "door@eventhub.demo"), ("vetter", "vetter@eventhub.demo"), ("rapporteur", "rapporteur@eventhub.demo"),
                         ("host", "host@eventhub.demo"), ("organiser", "organiser@eventhub.demo"), ("admin", SeedDemo.AdminEmail),
                     })
            {
                var user = (await users.FindByEmailAsync(email))!;
                await users.RemovePasswordAsync(user);
                await users.AddPasswordAsync(user, Password);
                scenario.Logins[role] = email;
            }

            var talk = await db.Events.SingleAsync();
            var kas = await db.Organisations.SingleAsync(o => o.Acronym == "KAS");
            var now = DateTime.UtcNow;

            // An organiser of another organisation's event, who must see nothing of the talk.
            var otherOrganisation = new Organisation { Id = Guid.NewGuid(), Name = "Other Foundation", Acronym = "OF" };
            db.Organisations.Add(otherOrganisation);
            var other = new ApplicationUser { UserName = "other@other.test", Email = "other@other.test", EmailConfirmed = true, DisplayName = "Other", OrganisationId = otherOrganisation.Id };
            await users.CreateAsync(other, Password);
            var otherEvent = new Event
            {
                Id = Guid.NewGuid(), Title = "Another foundation's round table", TimeZoneId = "Europe/Berlin", OrganisationId = otherOrganisation.Id,
                StartsAtUtc = talk.StartsAtUtc, EndsAtUtc = talk.EndsAtUtc, City = "Berlin", Capacity = 10, Status = EventStatus.Open,
                CreatedAtUtc = now, UpdatedAtUtc = now, ConcurrencyStamp = Guid.NewGuid(),
            };
            db.Events.Add(otherEvent);
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = otherEvent.Id, UserId = other.Id, Role = EventRole.Organiser, AddedAtUtc = now });
            scenario.Logins["other-organiser"] = other.Email;
            Grant(other, otherOrganisation.Id, OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory);

            // KAS staff on no event's team, each with one organisation role.
            foreach (var (login, role) in new[] { ("creator", OrganisationRole.CreatesEvents), ("keeper", OrganisationRole.KeepsDirectory), ("manager", OrganisationRole.ManagesOrganisation) })
            {
                var staff = new ApplicationUser { UserName = $"{login}@kas.test", Email = $"{login}@kas.test", EmailConfirmed = true, DisplayName = login, OrganisationId = kas.Id };
                await users.CreateAsync(staff, Password);
                Grant(staff, kas.Id, role);
                scenario.Logins[login] = staff.Email;
            }

            void Grant(ApplicationUser user, Guid organisationId, params OrganisationRole[] roles)
                => db.OrganisationRoleGrants.AddRange(roles.Select(r => new OrganisationRoleGrant { OrganisationId = organisationId, UserId = user.Id, Role = r, GrantedAtUtc = now }));

            // The talk accepts requests to attend, and has one approved registration with its own link.
            talk.AllowRequests = true;
            var registration = new Registration
            {
                Id = Guid.NewGuid(), EventId = talk.Id, Name = "Amira Haddad", Email = "amira@example.org", NormalizedEmail = "AMIRA@EXAMPLE.ORG",
                Status = RegistrationStatus.Approved, CreatedAtUtc = now,
                ProtectedSecurityData = services.GetRequiredService<SecurityData>().Protect(new SecurityDetails(new DateOnly(1980, 5, 17), "Ruritanian", "Passport", SecurityDocumentNumber)),
            };
            db.Registrations.Add(registration);
            var (rtoken, rhash) = PersonalToken.Create();
            db.RegistrationLinks.Add(new RegistrationLink { Id = Guid.NewGuid(), RegistrationId = registration.Id, TokenHash = rhash, CreatedAtUtc = now });
            var invitation = await db.Invitations.Include(i => i.Contact).FirstAsync();
            var (itoken, ihash) = PersonalToken.Create();
            db.InvitationLinks.Add(new InvitationLink { Id = Guid.NewGuid(), InvitationId = invitation.Id, TokenHash = ihash, CreatedAtUtc = now });
            await db.SaveChangesAsync();

            scenario.values["event"] = talk.Id.ToString();
            scenario.values["registration"] = registration.Id.ToString();
            scenario.values["kas"] = kas.Id.ToString();
            scenario.values["contact"] = (await db.Contacts.FirstAsync(c => c.DirectoryOrganisationId == kas.Id)).Id.ToString();
            scenario.values["email"] = (await db.OutboundEmails.FirstAsync(e => e.EventId == talk.Id)).Id.ToString();
            scenario.realTokens["rtoken"] = rtoken;
            scenario.realTokens["itoken"] = itoken;
            scenario.realTokens["utoken"] = services.GetRequiredService<UnsubscribeLinks>().For(invitation.ContactId).Split("/unsubscribe/")[1];
            return scenario;
        }
    }
}
