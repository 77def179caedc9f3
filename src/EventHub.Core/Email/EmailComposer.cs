using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Email;

/// <summary>Renders email bodies from Razor components with <see cref="HtmlRenderer"/>, and derives the plain-text part.</summary>
public sealed class EmailComposer(IServiceProvider services, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly Lazy<HtmlRenderer> renderer = new(() => new HtmlRenderer(services, loggerFactory));

    public async Task<RenderedEmail> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        var r = renderer.Value;
        var html = await r.Dispatcher.InvokeAsync(async () =>
        {
            var output = await r.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
        html = "<!DOCTYPE html>\n" + html;
        return new RenderedEmail(html, HtmlToText.Convert(html));
    }

    public async ValueTask DisposeAsync()
    {
        if (renderer.IsValueCreated)
        {
            await renderer.Value.DisposeAsync();
        }
    }
}
