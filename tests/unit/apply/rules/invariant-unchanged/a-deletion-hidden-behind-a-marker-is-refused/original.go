package dream

type Slap struct {
	Name string
}

type Dreamer struct {
	Name  string
	Slaps []Slap
}

type DreamerImmutable struct {
	ID string
}
