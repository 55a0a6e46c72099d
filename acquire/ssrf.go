package acquire

import (
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// blockedPrefixes are the networks the SSRF guard refuses besides those
// netip classifies as loopback, private, link-local or unspecified.
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),         // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),     // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),      // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),     // benchmarking
	netip.MustParsePrefix("224.0.0.0/4"),       // multicast
	netip.MustParsePrefix("240.0.0.0/4"),       // reserved, broadcast
	netip.MustParsePrefix("64:ff9b::/96"),      // NAT64 (may map to private IPv4)
	netip.MustParsePrefix("fc00::/7"),          // unique local
	netip.MustParsePrefix("fd00:ec2::254/128"), // AWS metadata over IPv6
}

// ForbiddenAddr reports why the SSRF guard refuses to connect to addr, or
// "" if it may be reached: loopback, private, link-local (which includes
// the 169.254.169.254 cloud metadata service), multicast and other
// special-purpose addresses are refused.
func ForbiddenAddr(addr netip.Addr) string {
	addr = addr.Unmap()
	switch {
	case !addr.IsValid():
		return "invalid address"
	case addr.IsLoopback():
		return "loopback address"
	case addr == netip.AddrFrom4([4]byte{169, 254, 169, 254}):
		return "cloud metadata address"
	case addr.IsLinkLocalUnicast(), addr.IsLinkLocalMulticast():
		return "link-local address"
	case addr.IsPrivate():
		return "private address"
	case addr.IsUnspecified():
		return "unspecified address"
	case addr.IsMulticast(), addr.IsInterfaceLocalMulticast():
		return "multicast address"
	}
	for _, p := range blockedPrefixes {
		if p.Contains(addr) {
			return "special-purpose address"
		}
	}
	return ""
}

// guard returns a net.Dialer Control hook enforcing policy: it runs after
// DNS resolution, on the very address about to be dialled, for the first
// request and for every redirect, so a hostname that resolves (or
// re-resolves) to an internal address is refused.
func guard(policy func(netip.Addr) string) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		return checkAddr(policy, address)
	}
}

// checkAddr applies policy to a dialled "host:port".
func checkAddr(policy func(netip.Addr) string, address string) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		host, _, splitErr := net.SplitHostPort(address)
		if splitErr != nil {
			return &ForbiddenError{Addr: address, Reason: "unparsable address"}
		}
		a, perr := netip.ParseAddr(host)
		if perr != nil {
			return &ForbiddenError{Addr: address, Reason: "unparsable address"}
		}
		ap = netip.AddrPortFrom(a, 0)
	}
	if why := policy(ap.Addr()); why != "" {
		return &ForbiddenError{Addr: ap.Addr().String(), Reason: why}
	}
	return nil
}

// ForbiddenError is returned when the SSRF guard refuses a connection.
type ForbiddenError struct {
	Addr   string // the IP address refused
	Reason string // e.g. "loopback address"
}

// Error implements the error interface.
func (e *ForbiddenError) Error() string {
	return fmt.Sprintf("refusing to connect to %s: %s (allow with the allow-private option)", e.Addr, e.Reason)
}
