using EventHub.Core.Email;
using EventHub.Core.Email.Templates;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Email;

public sealed class EmailCompositionTests
{
    [Fact]
    public void Plain_text_keeps_link_addresses_and_paragraphs()
    {
        var text = HtmlToText.Convert("<html><head><style>p{}</style></head><body><h1>Title</h1><p>Dear Ada,</p><p>Please <a href=\"https://e.test/x?a=1&amp;b=2\">confirm</a> &amp; come.</p><ul><li>One</li><li>Two</li></ul></body></html>");
        Assert.Equal("Title\n\nDear Ada,\n\nPlease confirm: https://e.test/x?a=1&b=2 & come.\n\n- One\n- Two\n", text);
    }

    [Fact]
    public async Task A_razor_template_renders_to_html_and_text()
    {
        await using var database = await TestDatabase.CreateAsync(Core.Data.DatabaseProvider.Sqlite);
        await using var host = CoreTestHost.Create(database);
        var composer = host.Services.GetRequiredService<EmailComposer>();

        var body = await composer.RenderAsync<ActionEmail>(new Dictionary<string, object?>
        {
            [nameof(ActionEmail.Title)] = "Confirm <your> account",
            [nameof(ActionEmail.Paragraphs)] = new[] { "First paragraph." },
            [nameof(ActionEmail.ActionUrl)] = "https://eventhub.test/confirm?code=abc",
            [nameof(ActionEmail.ActionLabel)] = "Confirm",
        });

        Assert.Contains("Confirm &lt;your&gt; account", body.Html);
        Assert.Contains("href=\"https://eventhub.test/confirm?code=abc\"", body.Html);
        Assert.Contains("Confirm <your> account", body.Text);
        Assert.Contains("Confirm: https://eventhub.test/confirm?code=abc", body.Text);
        Assert.DoesNotContain("<", body.Text.Replace("<your>", ""));
    }
}
