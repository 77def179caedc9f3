using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Email;

/// <summary>Renders email bodies from Razor components with <see cref="HtmlRenderer"/>, and derives the plain-text part.</summary>
public sealed class EmailComposer(IServiceScopeFactory scopes, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    // The renderer needs scoped Blazor services (e.g. ComponentsActivitySource): it lives in a scope of its own, as long as the composer.
    private readonly Lazy<(AsyncServiceScope Scope, HtmlRenderer Renderer)> rendering = new(() =>
    {
        var scope = scopes.CreateAsyncScope();
        return (scope, new HtmlRenderer(scope.ServiceProvider, loggerFactory));
    });

    public async Task<RenderedEmail> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        var r = rendering.Value.Renderer;
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
        if (rendering.IsValueCreated)
        {
            await rendering.Value.Renderer.DisposeAsync();
            await rendering.Value.Scope.DisposeAsync();
        }
    }
}
