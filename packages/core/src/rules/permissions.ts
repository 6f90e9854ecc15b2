import type { StreamEvent } from '../events/stream-event.js';

/**
 * Who may run a command: permission levels read from each platform's roles and badges through one
 * documented mapping per platform (keyed by `event.source`), plus explicit user ids. Core reads the
 * normalized {@link StreamEvent} only (no connector code).
 *
 * @packageDocumentation
 */

/** The permission levels, lowest first: each level includes the ones above it in rank. */
export const permissionLevels = ['everyone', 'follower', 'subscriber', 'vip', 'moderator', 'broadcaster'] as const;

/** A permission level: `broadcaster` > `moderator` > `vip` > `subscriber` > `follower` > `everyone`. */
export type PermissionLevel = (typeof permissionLevels)[number];

/** One explicit viewer allowed to run a command: their stable `user.id`, on one platform or any. */
export interface PermissionUser {
  userId: string;
  /** The platform (`meta.platform ?? source`) the id belongs to; absent = any. */
  source?: string;
}

/**
 * A command's permission: one level (`"moderator"`: moderators and above), or a list of levels and
 * users of which any one suffices.
 */
export type Permission = PermissionLevel | ReadonlyArray<PermissionLevel | PermissionUser>;

/** The roles a viewer holds, as the platform's mapping reads them from the event. */
export interface ViewerRoles {
  broadcaster: boolean;
  moderator: boolean;
  vip: boolean;
  subscriber: boolean;
  follower: boolean;
}

/** How one platform's roles are read from its normalized events. */
export interface RoleMapping {
  /** What each level is read from, in words (documentation; also in docs/rules.md). */
  readonly describe: Readonly<Record<Exclude<PermissionLevel, 'everyone'>, string>>;
  /** Reads the roles of the event's user. */
  readonly read: (event: StreamEvent) => ViewerRoles;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The values of `field` of the objects in a list (badges), as a set of strings. */
function namesOf(list: unknown, field: string): Set<string> {
  const names = new Set<string>();
  if (!Array.isArray(list)) return names;
  for (const item of list) {
    const name = record(item)?.[field];
    if (typeof name === 'string') names.add(name);
  }
  return names;
}

const follows = (event: StreamEvent) => (event.user.followRole ?? 0) >= 1;

/** Reads badge names (`broadcaster`, `moderator`, `vip`, `subscriber`, `founder`) plus the user flags. */
function badgeRoles(event: StreamEvent, badges: Set<string>): ViewerRoles {
  return {
    broadcaster: badges.has('broadcaster'),
    moderator: badges.has('moderator') || event.user.isModerator === true,
    vip: badges.has('vip'),
    subscriber: badges.has('subscriber') || badges.has('founder') || event.user.isSubscriber === true,
    follower: follows(event),
  };
}

const generic: RoleMapping = {
  describe: {
    broadcaster: 'not known: list the broadcaster by user id',
    moderator: 'user.isModerator',
    vip: 'not known',
    subscriber: 'user.isSubscriber',
    follower: 'user.followRole >= 1',
  },
  read: (event) => ({
    broadcaster: false,
    moderator: event.user.isModerator === true,
    vip: false,
    subscriber: event.user.isSubscriber === true,
    follower: follows(event),
  }),
};

/**
 * The role mapping of each platform, keyed by `event.source`; other sources use the generic one
 * (`user.isModerator`, `user.isSubscriber`, `user.followRole`). Where a platform does not say
 * whether a viewer follows (Twitch, Kick and YouTube chat), `follower` is reached only through a
 * higher level.
 */
export const roleMappings: Readonly<Record<string, RoleMapping>> = Object.freeze({
  twitch: {
    describe: {
      broadcaster: 'badge broadcaster (data.badges[].setId)',
      moderator: 'badge moderator, or user.isModerator',
      vip: 'badge vip',
      subscriber: 'badge subscriber or founder, or user.isSubscriber',
      follower: 'not in Twitch chat events (reached through a higher level)',
    },
    read: (event) => badgeRoles(event, namesOf(record(event.data)?.badges, 'setId')),
  },
  kick: {
    describe: {
      broadcaster: 'badge broadcaster (data.senderIdentity.badges[].type)',
      moderator: 'badge moderator, or user.isModerator',
      vip: 'badge vip',
      subscriber: 'badge subscriber or founder, or user.isSubscriber',
      follower: 'not in Kick chat events (reached through a higher level)',
    },
    read: (event) => badgeRoles(event, namesOf(record(record(event.data)?.senderIdentity)?.badges, 'type')),
  },
  youtube: {
    describe: {
      broadcaster: 'data.isChatOwner (the channel owner)',
      moderator: 'user.isModerator (chat moderator or owner)',
      vip: 'none on YouTube',
      subscriber: 'user.isSubscriber (a channel member)',
      follower: 'none (YouTube does not say who subscribed)',
    },
    read: (event) => ({
      broadcaster: record(event.data)?.isChatOwner === true,
      moderator: event.user.isModerator === true,
      vip: false,
      subscriber: event.user.isSubscriber === true,
      follower: false,
    }),
  },
  tiktok: {
    describe: {
      broadcaster: 'data.isHost (the streamer, UserIdentity.isAnchor)',
      moderator: 'user.isModerator (moderator of the host)',
      vip: 'none on TikTok',
      subscriber: 'user.isSubscriber (subscriber of the host)',
      follower: 'user.followRole >= 1 (follower or friend)',
    },
    read: (event) => ({ ...generic.read(event), broadcaster: record(event.data)?.isHost === true }),
  },
});

/** The mapping used for events of `source`: its platform's, or the generic one. */
export function roleMappingOf(source: string): RoleMapping {
  return Object.hasOwn(roleMappings, source) ? roleMappings[source]! : generic;
}

/** The roles of the event's user, read by its platform's mapping. Never throws. */
export function viewerRoles(event: StreamEvent): ViewerRoles {
  return roleMappingOf(event.source).read(event);
}

/** The highest level the event's user holds. */
export function viewerLevel(event: StreamEvent): PermissionLevel {
  const roles = viewerRoles(event);
  for (let rank = permissionLevels.length - 1; rank > 0; rank--) {
    const level = permissionLevels[rank]!;
    if (roles[level as keyof ViewerRoles]) return level;
  }
  return 'everyone';
}

/** The result of a permission check. */
export interface PermissionCheck {
  allowed: boolean;
  /** The highest level the user holds. */
  level: PermissionLevel;
  /** The permission asked for, as written. */
  required: Permission;
  /** Why it was refused (absent when allowed). */
  reason?: string;
}

function describe(permission: Permission): string {
  if (typeof permission === 'string') return permission;
  return permission
    .map((entry) => (typeof entry === 'string' ? entry : `user ${entry.userId}${entry.source ? ` on ${entry.source}` : ''}`))
    .join(', ');
}

/** Whether the event's user may run a command with this permission (any list entry suffices). */
export function checkPermission(permission: Permission, event: StreamEvent): PermissionCheck {
  const level = viewerLevel(event);
  const rank = permissionLevels.indexOf(level);
  const platform = event.meta?.platform ?? event.source;
  const entries = typeof permission === 'string' ? [permission] : permission;
  const allowed = entries.some((entry) =>
    typeof entry === 'string'
      ? rank >= permissionLevels.indexOf(entry)
      : entry.userId === event.user.id && (entry.source === undefined || entry.source === platform),
  );
  if (allowed) return { allowed, level, required: permission };
  return {
    allowed,
    level,
    required: permission,
    reason: `${event.user.nickname} (${platform} user ${event.user.id}) is ${level === 'everyone' ? 'a viewer without roles' : `at level ${level}`}; the command needs ${describe(permission)}`,
  };
}
