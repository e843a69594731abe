/**
 * What Jakarta REST says about a call, read once: the endpoint a resource method is (its
 * annotation's settings, route, kind), route templates and matching paths against them, the
 * routes an application records, sub-resource locators, parameter names and the request's
 * arguments, which classes an application recorded whole holds, and misuse of the annotation
 * reported at deployment. Knows nothing of a call's life or of storage.
 */
package org.recordedcall.internal.rest;
