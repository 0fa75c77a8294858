using System.Security.Cryptography;
using System.Text;

namespace Stepwise.Features.Imports;

/// <summary>What every import first learns about its file, in one pass before any line is read.</summary>
/// <param name="Hash">The SHA-256, for provenance and the already-imported rule.</param>
/// <param name="Encoding">UTF-8 (with or without a byte order mark) or Windows-1252, which DfE downloads and MIS exports often are.</param>
/// <param name="LineEnds">"CRLF", "LF", "CR", "mixed" or "none" (a single line): recorded, and left to the CSV reader, which reads them all.</param>
public sealed record FileInspection(string Hash, Encoding Encoding, string LineEnds);

public static class ImportFile
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>Reads the whole stream once (it is not kept in memory) and leaves it at the start.</summary>
    public static async Task<FileInspection> InspectAsync(Stream file, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = StrictUtf8.GetDecoder();
        var buffer = new byte[81920];
        var chars = new char[StrictUtf8.GetMaxCharCount(buffer.Length)];
        var utf8 = true;
        var ends = new LineEnds();
        int read;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            ends.Count(buffer.AsSpan(0, read));
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
        return new FileInspection(Convert.ToHexStringLower(sha.GetHashAndReset()), utf8 ? Encoding.UTF8 : Windows1252, ends.Name);
    }

    /// <summary>Counts the kinds of line end across buffers (a CR at the end of one buffer may meet its LF in the next).</summary>
    private sealed class LineEnds
    {
        private long _crlf, _lf, _cr;
        private bool _pendingCr;

        public void Count(ReadOnlySpan<byte> bytes)
        {
            var start = 0;
            if (_pendingCr && bytes.Length > 0)
            {
                if (bytes[0] == (byte)'\n')
                {
                    _crlf++;
                    start = 1;
                }
                else
                {
                    _cr++;
                }
                _pendingCr = false;
            }
            for (var i = start; i < bytes.Length; i = i + 1)
            {
                var next = bytes[i..].IndexOfAny((byte)'\r', (byte)'\n');
                if (next < 0)
                {
                    return;
                }
                i += next;
                if (bytes[i] == (byte)'\n')
                {
                    _lf++;
                }
                else if (i + 1 == bytes.Length)
                {
                    _pendingCr = true;
                }
                else if (bytes[i + 1] == (byte)'\n')
                {
                    _crlf++;
                    i++;
                }
                else
                {
                    _cr++;
                }
            }
        }

        public string Name => (_crlf + (_pendingCr ? 1 : 0), _lf, _cr) switch
        {
            (0, 0, 0) => "none",
            (> 0, 0, 0) => "CRLF",
            (0, > 0, 0) => "LF",
            (0, 0, > 0) => "CR",
            _ => "mixed",
        };
    }
}
