namespace Stepwise.Common;

/// <summary>
/// A definition imported on a page: the text of the uploaded file, or the pasted text when no file came. One size
/// limit for every such form, so a large upload is refused before it is read.
/// </summary>
public static class UploadedText
{
    public const long MaxBytes = 1_000_000;

    /// <summary>The text, or the problem to show on the file field; <paramref name="what"/> names what the file should hold ("a framework definition").</summary>
    public static async Task<(string? Text, string? Problem)> ReadAsync(IFormFile? file, string? pasted, string what, CancellationToken ct)
    {
        if (file is not { Length: > 0 })
        {
            return (pasted, null);
        }
        if (file.Length > MaxBytes)
        {
            return (null, $"The file is larger than 1 MB: {what} is a few kilobytes.");
        }
        using var reader = new StreamReader(file.OpenReadStream());
        return (await reader.ReadToEndAsync(ct), null);
    }
}
