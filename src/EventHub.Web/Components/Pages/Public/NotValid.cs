namespace EventHub.Web.Components.Pages.Public;

public static class NotValid
{
    /// <summary>
    /// Marks the response as not to be stored. The page answers 200 with its own plain text: Blazor replaces the body of a
    /// 404 with the app's not-found page, and the plain page must look the same for every kind of invalid link.
    /// </summary>
    public static void Answer(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
    }
}
