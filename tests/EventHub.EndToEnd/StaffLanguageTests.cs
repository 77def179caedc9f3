using EventHub.Core.Features.Demo;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>
/// The staff screens in the pseudo-locale (every translated string visibly transformed): the account pages before login,
/// and every staff page from the app's route table, over the demo, opened as the organiser (and as the administrator where
/// the organiser may not), show no
/// visible text that skipped the resources. What people typed (names, titles, notes, drafts) is data and is set aside.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffLanguageTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Languages:Pseudo"] = "true" };

    [Fact]
    public async Task Every_staff_page_run_in_the_pseudo_locale_shows_no_untranslated_text()
    {
        IReadOnlyList<DemoLogin> logins;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            logins = (await scope.ServiceProvider.GetRequiredService<SeedDemo>().ExecuteAsync())!;
        }

        var pages = (await StaffPage.OfDemoAsync(App)).ToList();
        var problems = new List<string>();
        var checkedPages = 0;

        // Everything stored in the database: read once, and again when a page shows text that is neither translated nor in
        // it (opening a page can record some: the report page starts the report and logs it, and then shows it).
        var data = await DataAsync();
        async Task<string[]> UntranslatedAsync()
        {
            var untranslated = await Page.EvaluateAsync<string[]>(PseudoLocaleText.UntranslatedScript, data);
            if (untranslated.Length > 0)
            {
                data = await DataAsync();
                untranslated = await Page.EvaluateAsync<string[]>(PseudoLocaleText.UntranslatedScript, data);
            }

            return untranslated;
        }

        // The check itself, on a page made for it: an English word is reported; translated segments, stored data (a whole short
        // value only as a word), text marked translate="no" and hidden text are not.
        await Page.SetContentAsync("<html><body><p>⟦Ŝàvé⟧ Save</p><p>⟦Ŝéñţ ţô⟧ Clara Neumann, EU</p><p>EUROPE</p><p translate='no'>Draft text</p><p hidden>Hidden</p></body></html>");
        Assert.Equal(["Save", "EUROPE"], await Page.EvaluateAsync<string[]>(PseudoLocaleText.UntranslatedScript, new[] { "Clara Neumann", "EU" }));

        // Before logging in: the account pages a staff member meets first.
        foreach (var path in new[] { "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResendEmailConfirmation", "/Account/Lockout" })
        {
            await Page.GotoAsync(path);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            checkedPages++;
            var untranslated = await UntranslatedAsync();
            if (untranslated.Length > 0)
            {
                problems.Add($"{path} before login: “{string.Join("”, “", untranslated.Distinct())}”");
            }
        }

        foreach (var role in new[] { "Organiser", "Administrator" })
        {
            var login = logins.Single(l => l.Role == role);
            await Context.ClearCookiesAsync();
            await LogInAsync(login.Email, login.Password);
            foreach (var page in pages.ToList())
            {
                var response = await Page.GotoAsync(page.Path);
                await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                if (response is null || !response.Ok || Page.Url.Contains("/Account/Login", StringComparison.Ordinal) || await Page.Locator("[data-access-denied]").CountAsync() > 0)
                {
                    continue; // not this role's page: the next role opens it
                }

                pages.Remove(page);
                checkedPages++;
                var untranslated = await UntranslatedAsync();
                if (untranslated.Length > 0)
                {
                    problems.Add($"{page.Path} ({page.Component.Name}) as {role}: “{string.Join("”, “", untranslated.Distinct())}”");
                }
            }
        }

        Assert.True(pages.Count == 0, "Pages neither the organiser nor the administrator could open: " + string.Join(", ", pages.Select(p => p.Path)));
        Assert.True(checkedPages > 20, "Too few pages were checked: the route table or the logins were not found.");
        Assert.True(problems.Count == 0, "Text that is not from the resources:\n" + string.Join("\n", problems));
    }

    /// <summary>Every text value stored in the database (names, titles, notes, drafts, emails): data, not the app's words.</summary>
    private async Task<string[]> DataAsync()
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        await App.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
            {
                var columns = entity.GetProperties().Where(p => p.ClrType == typeof(string) || p.IsPrimitiveCollection).Select(p => p.GetColumnName()).Distinct().ToList();
                if (columns.Count == 0)
                {
                    continue;
                }

                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{entity.GetTableName()}\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (!reader.IsDBNull(i) && reader.GetValue(i) is string { Length: > 1 } value)
                        {
                            if (value.StartsWith("[\"", StringComparison.Ordinal) && TryJsonList(value) is { } list)
                            {
                                values.UnionWith(list.Where(v => v.Length > 1)); // a list stored as JSON (aliases, email domains)
                            }

                            values.UnionWith(value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(v => v.Length > 1));
                        }
                    }
                }
            }

            return 0;
        });
        values.Add("EventHub"); // the product's name, in every language
        // A language is offered under its own name and code ("Deutsch (de)") whatever the screen's language, as is usual.
        values.UnionWith(EventHub.Core.Localization.Languages.Supported.SelectMany(code => new[] { code, EventHub.Core.Localization.Languages.NativeName(code) }));
        return values.OrderByDescending(v => v.Length).ToArray();
    }

    private static string[]? TryJsonList(string json)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string[]>(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
