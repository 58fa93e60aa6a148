/** The plain-Java kernel every service's domain may use: decisions, event ids, broken rules. No Spring here. */
package org.peersupport.platform.kernel;
