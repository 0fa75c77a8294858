using System.Security.Cryptography;
using System.Text;

namespace Stepwise.Features.Reference;

/// <summary>
/// What every import first learns about its file: its SHA-256 (for provenance and idempotence) and its encoding —
/// UTF-8 with or without a byte order mark, or Windows-1252, which DfE downloads often are. Line endings (CRLF or LF)
/// are left to the CSV reader.
/// </summary>
public static class ImportFile
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>Reads the whole stream once (it is not kept in memory) and leaves it at the start.</summary>
    public static async Task<(string Hash, Encoding Encoding)> InspectAsync(Stream file, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = StrictUtf8.GetDecoder();
        var buffer = new byte[81920];
        var chars = new char[StrictUtf8.GetMaxCharCount(buffer.Length)];
        var utf8 = true;
        int read;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            if (utf8)
            {
                try
                {
                    decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
                }
                catch (DecoderFallbackException)
                {
                    utf8 = false;
                }
            }
        }
        file.Position = 0;
        return (Convert.ToHexStringLower(sha.GetHashAndReset()), utf8 ? Encoding.UTF8 : Windows1252);
    }
}
