using Microsoft.AspNetCore.Identity;
using Stepwise.Features.People;

namespace Stepwise.Features.Accounts;

/// <summary>
/// Refuses a password an attacker would try first: one of about 49,000 common passwords (shipped, checked offline;
/// source and licence at the top of CommonPasswords.txt), such a password with digits or symbols added before or
/// after, one character or group repeated ("aaaaaaaaaaaa", "abcabcabcabc") or a run ("abcdefghijkl", "987654321098").
/// Runs wherever a password is set: a new account, a change, a reset from the command line.
/// </summary>
public sealed class CommonPasswordRule : IPasswordValidator<Person>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<Person> manager, Person user, string? password) =>
        Task.FromResult(Problem(password) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooEasy", Description = problem })
            : IdentityResult.Success);

    /// <summary>Why this password is too easy to guess, or null.</summary>
    public static string? Problem(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return null;
        }
        var lower = password.ToLowerInvariant();
        if (Common.Value.Contains(lower))
        {
            return "That password is one of the most common passwords, so it is among the first an attacker tries. Choose another: a few unrelated words make a strong one.";
        }
        var core = lower.Trim().Trim("0123456789!@#$%^&*()_-+=.,;:?~ ".ToCharArray());
        if (core.Length >= 4 && core.Length < lower.Length && Common.Value.Contains(core))
        {
            return $"That password is a common password (\"{core}\") with numbers or symbols added, which attackers try. Choose another.";
        }
        if (Repeats(lower))
        {
            return "That password repeats the same characters. Choose another: a few unrelated words make a strong one.";
        }
        if (IsRun(lower))
        {
            return "That password is a run of characters in order (like abcdef or 123456). Choose another.";
        }
        return null;
    }

    private static bool Repeats(string text)
    {
        for (var unit = 1; unit <= text.Length / 2; unit++)
        {
            if (text.Length % unit != 0)
            {
                continue;
            }
            var repeated = true;
            for (var i = unit; i < text.Length && repeated; i++)
            {
                repeated = text[i] == text[i - unit];
            }
            if (repeated)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Each character one after (or one before) the last; 9 is followed by 0.</summary>
    private static bool IsRun(string text)
    {
        static int Step(char a, char b) => a == '9' && b == '0' ? 1 : a == '0' && b == '9' ? -1 : b - a;
        if (text.Length < 3)
        {
            return false;
        }
        var step = Step(text[0], text[1]);
        if (step is not (1 or -1))
        {
            return false;
        }
        for (var i = 2; i < text.Length; i++)
        {
            if (Step(text[i - 1], text[i]) != step)
            {
                return false;
            }
        }
        return true;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordRule).Assembly.GetManifestResourceStream("Stepwise.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }
        return set;
    }
}
