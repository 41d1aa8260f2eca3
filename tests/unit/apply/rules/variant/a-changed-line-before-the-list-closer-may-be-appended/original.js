import Home from "./Home";

const routes = [
  { path: "/", component: Home },
  { path: "/about", component: About },
];

export default routes;
