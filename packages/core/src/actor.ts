/**
 * T-6: every command names who issued it; some steps may only be taken by some actors, and anyone
 * else gets a clear violation, never a silent success.
 */
import { showableText } from './quoting.js';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { NonEmptyText, oneOf } from './codecs.js';
import { type RuleId, type Violation, violation } from './violation.js';

export const departments = ['sales', 'customer-service', 'quality', 'engineering', 'production', 'warehouse', 'finance', 'management'] as const;
export type Department = (typeof departments)[number];

/** Roles in ascending authority: a manager may do what staff may, a general manager what a manager may. */
export const roles = ['staff', 'manager', 'general-manager'] as const;
export type Role = (typeof roles)[number];

export const DepartmentCodec = oneOf(departments);
export const RoleCodec = oneOf(roles);

export const Actor = t.readonly(
  t.type({
    id: NonEmptyText,
    department: DepartmentCodec,
    role: RoleCodec,
  }),
  'Actor',
);
export type Actor = t.TypeOf<typeof Actor>;

const rank = (role: Role): number => roles.indexOf(role);

/**
 * T-6: whether the actor is the person a step named (a review's chair, the manager a question was
 * passed to): the same id in the same role, so an id typed in by someone in another role is not enough.
 */
export const isNamedPerson =
  (named: Actor) =>
  (actor: Actor): boolean =>
    actor.id === named.id && actor.role === named.role;

/** Who may take a step: any of the departments (all when omitted), at least the given role. */
export interface Permission {
  readonly departments?: ReadonlyArray<Department>;
  readonly minimumRole?: Role;
}

export const isPermitted = (permission: Permission, actor: Actor): boolean =>
  (permission.departments === undefined || permission.departments.includes(actor.department)) &&
  (permission.minimumRole === undefined || rank(actor.role) >= rank(permission.minimumRole));

export const describePermission = (permission: Permission): string => {
  const who =
    permission.departments === undefined
      ? 'any department'
      : permission.departments.length === 1
        ? `the ${permission.departments[0] ?? ''} department`
        : `the ${permission.departments.join(' or ')} departments`;
  const role = permission.minimumRole === 'general-manager' ? 'the general manager' : `a ${permission.minimumRole ?? 'staff'}`;
  if (permission.minimumRole === undefined || permission.minimumRole === 'staff') return who;
  return permission.departments === undefined ? role : `${role} of ${who}`;
};

/**
 * The one-line permission check of a decider:
 * `only(ruleId, 'QUALITY_REPLY_NOT_BY_QUALITY', { departments: ['quality'] })(command.actor)`.
 */
export const only =
  (ruleId: RuleId, code: string, permission: Permission, step?: string) =>
  (actor: Actor): E.Either<Violation, Actor> =>
    isPermitted(permission, actor)
      ? E.right(actor)
      : E.left(
          violation(
            ruleId,
            code,
            `${step ?? 'This step'} may only be taken by ${describePermission(permission)}; ${showableText(actor.id)} is ${actor.role} of ${actor.department}.`,
            {
              actorId: actor.id,
              actorDepartment: actor.department,
              actorRole: actor.role,
              requiredDepartments: permission.departments ?? [],
              requiredRole: permission.minimumRole ?? 'staff',
            },
          ),
        );

/** T-6: who may take each step of a case type, by command type; a step not listed checks its actor itself. */
export type Permissions<C extends { readonly type: string }> = { readonly [T in C['type']]?: (actor: Actor) => E.Either<Violation, Actor> };

/** Whether the actor may take the step, if the table says; a step the table leaves out is let through here. */
export const permittedBy =
  <C extends { readonly type: string; readonly actor: Actor }>(permissions: Permissions<C>) =>
  (c: C): E.Either<Violation, Actor> => {
    const type: C['type'] = c.type;
    const check: ((actor: Actor) => E.Either<Violation, Actor>) | undefined = permissions[type];
    return check === undefined ? E.right(c.actor) : check(c.actor);
  };
