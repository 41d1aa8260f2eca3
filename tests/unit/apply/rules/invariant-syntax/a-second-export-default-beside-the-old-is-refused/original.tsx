function Header() {
  return <h1>Title</h1>;
}

export default Header;
