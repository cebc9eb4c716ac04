package dev.kiln.model;

import java.util.List;

/** The site model and every generated file of it, in a fixed order. */
public record RouteTable(Site site, List<Route> routes) {}
