import NextAuth from "next-auth";
import { webActionContext } from "@/lib/actions/web";
import { logout } from "@/lib/auth/actions/logout";
import { authOptions } from "@/lib/auth/next-auth";

const handler = NextAuth({
  ...authOptions,
  events: {
    // next-auth's own sign-out (POST /api/auth/signout, after its CSRF check) only clears the
    // cookie; the server-side row is what lets a copy of that cookie in, so it is revoked too.
    async signOut() {
      const ctx = await webActionContext();
      if (ctx.session) await logout.run({}, ctx);
    },
  },
});
export { handler as GET, handler as POST };
