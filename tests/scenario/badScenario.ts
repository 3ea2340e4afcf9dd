/**
 * One scenario of the embedded 2018 corridor with four problems, for the tests of how they are
 * said (the command line's `scenario --lang es`, the viewer's Scenarios panel): dates reversed,
 * a people range reversed, route shares adding up to 1.2, a negative shelter capacity.
 */
export const BAD_SCENARIO_2018 = {
  waves: [
    {
      origin: "San Pedro Sula",
      date: { from: "2019-01-20", to: "2019-01-15" },
      people: { min: 5000, max: 3000 },
    },
    {
      origin: "San Pedro Sula",
      date: "2019-01-10",
      people: 1000,
      route: [
        { routeId: "main", share: 0.6 },
        { routeId: "mexicali", share: 0.6 },
      ],
    },
  ],
  shelters: [{ place: "Tijuana", capacity: -5 }],
};
