using System.Globalization;
using System.Net;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Organisations;
using EventHub.Core.Localization;
using EventHub.TestSupport;
using EventHub.Web.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests;

/// <summary>
/// Validation messages and the refusals of the rules reach a staff member in their language: the form's data annotations
/// through the validator of the staff forms, a use case's outcome through the same resources, English unchanged.
/// </summary>
public sealed class StaffValidationLanguageTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private EventHubAppFactory app = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        app = EventHubAppFactory.Create(database);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    [Theory]
    [InlineData("fr", "Saisissez votre adresse e-mail.", "Saisissez votre mot de passe.")]
    [InlineData("de", "Geben Sie Ihre E-Mail-Adresse ein.", "Geben Sie Ihr Passwort ein.")]
    [InlineData("en", "The Email field is required.", "The Password field is required.")]
    public async Task An_empty_login_form_is_refused_in_the_staff_members_language(string language, string emailMessage, string passwordMessage)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await StaffLogin.PostLoginAsync(client, "", "");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(emailMessage, page);
        Assert.Contains(passwordMessage, page);
    }

    [Fact]
    public async Task A_use_cases_refusal_reads_in_French_with_the_data_it_names_and_stays_English_in_English()
    {
        var admin = TestUsers.Principal(await app.CreateUserAsync("admin-" + Guid.NewGuid().ToString("N")[..8] + "@example.org", "A-long-password-1", administrator: true), administrator: true);
        await using var scope = app.Services.CreateAsyncScope();
        var save = scope.ServiceProvider.GetRequiredService<SaveOrganisation>();
        var unnamed = await save.ExecuteAsync(admin, new OrganisationForm { Name = "" });
        var badDomain = await save.ExecuteAsync(admin, new OrganisationForm { Name = "Foundation " + Guid.NewGuid(), EmailDomains = "kas_de" });
        Assert.Equal(OutcomeStatus.Invalid, unnamed.Status);
        Assert.Equal(OutcomeStatus.Invalid, badDomain.Status);
        var errors = unnamed.Errors.Concat(badDomain.Errors).SelectMany(e => e.Value).ToList();
        Assert.Equal(["Enter the organisation's name.", "'kas_de' is not an email domain (write it like kas.de, without '@')."], errors);

        var translations = app.Services.GetRequiredService<Translations>();
        var french = InCulture("fr", () => errors.Select(translations.Message).ToList());
        Assert.Contains("Saisissez le nom de l'organisation.", french);
        Assert.Contains("« kas_de » n'est pas un domaine e-mail (écrivez-le comme kas.de, sans « @ »).", french);
        Assert.Equal(errors, InCulture("en", () => errors.Select(translations.Message).ToList()));
    }

    [Fact]
    public void Every_staff_form_validates_through_the_translating_validator()
    {
        var components = Path.Combine(RepositoryPaths.WebProject, "Components");
        var stock = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine("Pages", "Public"), StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("<DataAnnotationsValidator", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(components, f))
            .ToList();

        Assert.True(stock.Count == 0, "Use <LocalizedValidator /> (messages in the staff member's language) in: " + string.Join(", ", stock));
    }

    private static T InCulture<T>(string language, Func<T> work)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Languages.Culture(language);
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
