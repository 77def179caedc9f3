using Microsoft.AspNetCore.RateLimiting;

namespace EventHub.Web.Hosting;

/// <summary>What every endpoint carrying <see cref="PersonalLinkAttribute"/> gets, read from its metadata rather than its path.</summary>
public static class PersonalLinks
{
    /// <summary>A minimal-API endpoint (or group) behind a personal link.</summary>
    public static TBuilder AsPersonalLink<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new PersonalLinkAttribute()).RequireRateLimiting(RateLimitOptions.PersonalLinkPolicy);

    /// <summary>Pages marked <see cref="PersonalLinkAttribute"/> get the personal-link rate limit as endpoint metadata.</summary>
    public static TBuilder WithPersonalLinkRateLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        // Finally: after the component's own attributes are in the metadata.
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<PersonalLinkAttribute>().Any() && !endpoint.Metadata.OfType<EnableRateLimitingAttribute>().Any())
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(RateLimitOptions.PersonalLinkPolicy));
            }
        });
        return builder;
    }

    /// <summary>
    /// The token in the address must not leak to other sites (Referrer), stay in a shared cache, nor be indexed. Runs after
    /// routing; the headers are decided by the endpoint first matched and kept if the response becomes the not-found page.
    /// </summary>
    public static IApplicationBuilder UsePersonalLinkHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PersonalLinkAttribute>() is not null)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
                context.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
        }

        await next();
    });
}
