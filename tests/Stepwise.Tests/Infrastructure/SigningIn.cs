using System.Net;

namespace Stepwise.Tests.Infrastructure;

public static class SigningIn
{
    /// <summary>Signs in through the sign-in form, as a person would; the client keeps the session cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this StepwiseApp app, string email, string password = World.Password)
    {
        var client = app.Anonymous();
        var response = await client.SubmitSignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public static async Task<HttpResponseMessage> SubmitSignInAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/sign-in");
        return await client.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, "/sign-in");
    }
}
