package identity

import (
	"context"
	"strconv"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/scoring"
)

// P06-AUTH-02: a successful login creates a session for the identity in the ID token / userinfo:
// after a normal login as a citizen the portal shows that citizen; when userinfo answers with
// another citizen's claims (a sub different from the ID token's, which OpenID Connect Core
// §5.3.2 says must not be used) the portal does not log the browser in as that other citizen.
func checkSessionIdentity(ctx context.Context, s *check.Session) check.Result {
	sso, err := fake(s)
	if err != nil {
		return fromErr("checking the session identity", err)
	}
	who, err := citizen(sso, slotSession)
	if err != nil {
		return fromErr("checking the session identity", err)
	}
	a := login(ctx, s, who, ssotest.Normal)
	if a.err != nil {
		return fromErr("logging in normally through the fake national SSO", a.err).With(a.trace.Evidence()...)
	}
	switch a.as {
	case who.ID:
	case "":
		return check.Failf("after a successful login at the national SSO as %s the portal has no session for the browser", check.Redact(who.ID)).
			VI("Sau khi đăng nhập thành công tại SSO quốc gia với %s, cổng không tạo phiên cho trình duyệt", check.Redact(who.ID)).
			GotWant("not logged in", "logged in as "+check.Redact(who.ID)).With(a.trace.Evidence()...)
	default:
		return check.Failf("after a login at the national SSO as %s the portal shows another citizen, %s", check.Redact(who.ID), check.Redact(a.as)).
			VI("Sau khi đăng nhập tại SSO quốc gia với %s, cổng hiển thị công dân khác, %s", check.Redact(who.ID), check.Redact(a.as)).
			GotWant("logged in as "+check.Redact(a.as), "logged in as "+check.Redact(who.ID)).With(a.trace.Evidence()...)
	}
	m := login(ctx, s, who, ssotest.UserinfoSubMismatch)
	if m.err != nil {
		return fromErr("logging in with userinfo of another citizen", m.err).With(m.trace.Evidence()...)
	}
	ev := append(a.trace.Evidence(), scoring.Evidence{Note: "userinfo with another citizen's claims: userinfo requests " + strconv.Itoa(m.flow.UserInfo) + ", logged in as " + orNone(m.as)})
	if m.as != "" && m.as != who.ID {
		return check.Failf("the portal logged the browser in as %s, the citizen of a userinfo response whose sub differs from the ID token's (the ID token was for %s)",
			check.Redact(m.as), check.Redact(who.ID)).
			VI("Cổng tạo phiên cho %s theo userinfo có sub khác ID token (ID token của %s)", check.Redact(m.as), check.Redact(who.ID)).
			GotWant("logged in as the userinfo's citizen", "the identity of the ID token, or no session").With(ev...)
	}
	return check.Passf("a login as %s creates a session for that citizen, and userinfo claims of another citizen are not used", check.Redact(who.ID)).
		VI("Đăng nhập với %s tạo phiên đúng công dân đó; thông tin userinfo của công dân khác không được dùng", check.Redact(who.ID)).With(ev...)
}

func orNone(id string) string {
	if id == "" {
		return "nobody"
	}
	return check.Redact(id)
}
