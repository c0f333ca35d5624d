/**
 * Entra ID as a password authority: `PATCH /users/{id}` with `passwordProfile` (the app needs
 * User-PasswordProfile.ReadWrite.All and the User Administrator role). Graph's own policy — 8–256 characters,
 * 3 of 4 character classes, banned lists — answers 400; that becomes the same `TargetRefusal` as every app's.
 */
import { EntraClient, type EntraSettings } from "../apps/entra";
import { HttpError } from "../net";
import { TargetRefusal, type PasswordTarget } from "./target";

export function entraTarget(settings: EntraSettings): PasswordTarget {
  const client = new EntraClient(settings);
  return {
    app: "entra",
    async setPassword(subject, password, { forceChange }) {
      const user = await client.findUserByEmployeeId(subject.employeeId);
      if (!user) throw new Error(`no Entra user with employeeId ${subject.employeeId}`);
      try {
        await client.updateUser(user.id, { passwordProfile: { password, forceChangePasswordNextSignIn: forceChange } });
      } catch (error) {
        if (error instanceof HttpError && error.status === 400 && /password/i.test(error.detail ?? "")) {
          throw new TargetRefusal("entra", "password complexity");
        }
        throw error;
      }
    },
  };
}
