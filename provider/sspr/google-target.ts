/**
 * Google Workspace as a password authority: `users.update` with `password` and `changePasswordAtNextLogin` (the
 * service account needs the admin.directory.user scope with domain-wide delegation to a user administrator).
 * Google's own policy — 8–100 ASCII characters — answers 400 "Invalid Password"; that becomes the same
 * `TargetRefusal` as every app's. The user is found by employee id (`externalIds`), as the connector adopts it.
 */
import { employeeIdOf, GoogleClient, type GoogleSettings } from "../apps/google";
import { HttpError } from "../net";
import { TargetRefusal, type PasswordTarget } from "./target";

export function googleTarget(settings: GoogleSettings): PasswordTarget {
  const client = new GoogleClient(settings);
  return {
    app: "google",
    async setPassword(subject, password, { forceChange }) {
      if (!/^[\w.-]+$/.test(subject.employeeId)) {
        throw new Error(`employee id ${subject.employeeId} cannot be searched in Google`);
      }
      const { items } = await client.listUsers(undefined, `externalId:'${subject.employeeId}'`);
      const user = items.find((u) => employeeIdOf(u) === subject.employeeId);
      if (!user) throw new Error(`no Google user with employee id ${subject.employeeId}`);
      try {
        await client.setPassword(user.id, password, forceChange);
      } catch (error) {
        if (error instanceof HttpError && error.status === 400 && /password/i.test(error.detail ?? "")) {
          throw new TargetRefusal("google", "invalid password");
        }
        throw error;
      }
    },
  };
}
