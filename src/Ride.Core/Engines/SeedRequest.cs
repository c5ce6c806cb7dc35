using System.Security.Cryptography;
using System.Text;

namespace Ride.Engines;

/// <summary>
/// The state a primary starts from when it is not a bare cluster: a scenario's world after its setup, built once per
/// scenario version and engine installation, kept by the engine (a data directory on Local, an image on Docker) and
/// cloned by every start, so a start costs the same whatever the data size.
/// </summary>
public sealed class SeedRequest
{
    /// <summary>Changes whenever anything the seeded state is made from changes.</summary>
    public required string Key { get; init; }

    /// <summary>Whose seed it is (a scenario id): names the snapshot, and the older versions to clean up.</summary>
    public required string Label { get; init; }

    /// <summary>
    /// Seeds a running server of the engine's making, reached as the request's superuser with the given password.
    /// </summary>
    public required Func<ISandboxNode, string, IProgress<SandboxProgress>, CancellationToken, Task> SeedAsync { get; init; }

    /// <summary>The label as a name part: lower case letters, digits and dashes.</summary>
    public string Slug
    {
        get
        {
            var slug = new StringBuilder();
            foreach (var c in Label.ToLowerInvariant())
            {
                slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
            }

            return slug.ToString().Trim('-');
        }
    }

    /// <summary>The seed's identity on one installation (binaries, image): 16 hex digits.</summary>
    public string KeyOn(string installation) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Key + "|" + installation)))[..16].ToLowerInvariant();
}
