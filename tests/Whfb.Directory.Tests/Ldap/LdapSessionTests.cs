using System.DirectoryServices.Protocols;
using Whfb.Directory.Ldap;

namespace Whfb.Directory.Tests.Ldap;

public class LdapSessionTests
{
    private static readonly SearchRequest Request = new("DC=whfb,DC=test", "(objectClass=*)", SearchScope.Base);

    [Fact]
    public async Task Server_down_reconnects_once_with_a_fresh_connection_and_retries()
    {
        var connections = 0;
        var calls = 0;
        using var session = new LdapSession(() =>
        {
            connections++;
            return new FakeTransport(_ => ++calls == 1 ? throw new LdapException(81, "server down") : null!);
        });

        await session.SendAsync<SearchResponse>(Request, CancellationToken.None);

        Assert.Equal(2, connections);
        Assert.Equal(2, calls);
        Assert.Equal(1, session.Reconnects);
        Assert.True(session.LastSendReconnected);
    }

    [Fact]
    public async Task Second_failure_after_reconnect_is_a_typed_unavailable_error()
    {
        using var session = new LdapSession(() => new FakeTransport(_ => throw new LdapException(81, "server down")));

        var ex = await Assert.ThrowsAsync<DirectoryUnavailableException>(
            () => session.SendAsync<SearchResponse>(Request, CancellationToken.None));

        Assert.Contains("after reconnect", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, session.Reconnects);
    }

    [Fact]
    public async Task Timeout_is_reported_as_unavailable_with_IsTimeout()
    {
        using var session = new LdapSession(() => new FakeTransport(_ => throw new LdapException(85, "timeout")));

        var ex = await Assert.ThrowsAsync<DirectoryUnavailableException>(
            () => session.SendAsync<SearchResponse>(Request, CancellationToken.None));

        Assert.True(ex.IsTimeout);
        Assert.Equal(0, session.Reconnects);
    }

    [Fact]
    public async Task Connection_is_reused_between_requests()
    {
        var connections = 0;
        using var session = new LdapSession(() =>
        {
            connections++;
            return new FakeTransport(_ => null!);
        });

        await session.SendAsync<SearchResponse>(Request, CancellationToken.None);
        await session.SendAsync<SearchResponse>(Request, CancellationToken.None);

        Assert.Equal(1, connections);
        Assert.False(session.LastSendReconnected);
    }

    private sealed class FakeTransport(Func<DirectoryRequest, DirectoryResponse> send) : ILdapTransport
    {
        public Uri Server { get; } = new("ldap://dc.example");

        public IReadOnlyList<ServerFailure> Skipped => [];

        public DirectoryResponse Send(DirectoryRequest request) => send(request);

        public void Dispose()
        {
        }
    }
}
