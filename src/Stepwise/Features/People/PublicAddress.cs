using System.CommandLine;

namespace Stepwise.Features.People;

/// <summary>
/// Where people reach Stepwise, for links the command line prints (invitations, the first-run page): `--url`, else the
/// first address the server listens on (the `Urls` setting, http://127.0.0.1:5000 by default).
/// </summary>
public static class PublicAddress
{
    public static readonly Option<string?> Option = new("--url") { Description = "The address people open Stepwise at, for the printed link (default: the server's Urls setting)" };

    public static string Of(ParseResult parsed, IServiceProvider services) =>
        parsed.GetValue(Option) is { Length: > 0 } given
            ? given
            : (services.GetRequiredService<IConfiguration>()["Urls"] ?? "http://127.0.0.1:5000").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
}
