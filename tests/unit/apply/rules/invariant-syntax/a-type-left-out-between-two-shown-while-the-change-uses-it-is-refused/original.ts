export interface User {
  id: string;
  name: string;
}

export type Role = "admin" | "member";

export interface Team {
  id: string;
  members: User[];
}

export function addMember(team: Team, user: User): Team {
  return { ...team, members: [...team.members, user] };
}
