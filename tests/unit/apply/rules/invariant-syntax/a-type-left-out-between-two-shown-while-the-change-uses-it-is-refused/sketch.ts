// ... existing code ...
export interface User {
  id: string;
  name: string;
}

export interface Team {
  id: string;
  members: User[];
}

export function addMember(team: Team, user: User, role: Role = "member"): Team {
  return { ...team, members: [...team.members, { ...user, role }] };
}
